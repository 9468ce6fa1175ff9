<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiCommand</name>
    <message>
        <location filename="../../app/cli/commands/ApiCommand.cpp" line="+15"/>
        <source>Profile to use (default: the only or last-used one).</source>
        <translation>要使用的配置（默认：唯一的或上次使用的配置）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The conversation: account|type|target, e.g. &apos;acc1|1|acc2&apos; (quote it in the shell).</source>
        <translation>会话 ID：account|type|target，例如 &apos;acc1|1|acc2&apos;（在 shell 中请加引号）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 takes exactly one CONVERSATION_ID.</source>
        <translation>%1 需要且只需要一个 CONVERSATION_ID（会话 ID）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>give conversation IDs as arguments or with --ids-from, not both.</source>
        <translation>请通过参数或 --ids-from 给出会话 ID，不能两者同时使用。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>convdesk-cli: there is no profile named &quot;%1&quot;.</source>
        <translation>convdesk-cli：没有名为“%1”的配置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>convdesk-cli: no profile yet; add one with &quot;convdesk-cli profile add&quot;.</source>
        <translation>convdesk-cli：还没有配置；请用“convdesk-cli profile add”添加。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>convdesk-cli: several profiles exist; choose one with --profile.</source>
        <translation>convdesk-cli：存在多个配置；请用 --profile 选择一个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>convdesk-cli: the keychain has no AppSecret for profile &quot;%1&quot;; add the profile again.</source>
        <translation>convdesk-cli：密钥环中没有配置“%1”的 AppSecret；请重新添加该配置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>convdesk-cli: the AppSecret could not be read from the keychain: %1</source>
        <translation>convdesk-cli：无法从密钥环读取 AppSecret：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>convdesk-cli: %1: %2</source>
        <translation>convdesk-cli：%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> [code %1]</source>
        <translation> [返回码 %1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (trace id %1)</source>
        <translation>（追踪 ID %1）</translation>
    </message>
</context>
<context>
    <name>ApiEndpoint</name>
    <message>
        <location filename="../../app/core/api/ApiEndpoint.cpp" line="+40"/>
        <source>The base URL &quot;%1&quot; is not a valid http(s) address.</source>
        <translation>基础 URL“%1”不是有效的 http(s) 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The base URL &quot;%1&quot; contains a user name or password (user:password@); remove it: the AppKey and AppSecret are the only credentials.</source>
        <translation>基础 URL“%1”包含用户名或密码（user:password@）；请删除：AppKey 和 AppSecret 是唯一的凭据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL &quot;%1&quot; contains a query (?...); remove it.</source>
        <translation>基础 URL“%1”包含查询部分（?...）；请删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base URL &quot;%1&quot; contains a fragment (#...); remove it.</source>
        <translation>基础 URL“%1”包含片段（#...）；请删除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The base URL &quot;%1&quot; uses plain http; https is required except for loopback addresses such as 127.0.0.1.</source>
        <translation>基础 URL“%1”使用的是明文 http；除 127.0.0.1 等本机回环地址外，必须使用 https。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL &quot;%1&quot; must start with https://.</source>
        <translation>基础 URL“%1”必须以 https:// 开头。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../app/core/audit/AuditLog.cpp" line="+144"/>
        <source>This system has no data folder for the audit log.</source>
        <translation>此系统没有可存放审计日志的数据文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit log&apos;s folder %1 cannot be created.</source>
        <translation>无法创建审计日志所在的文件夹 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>The audit log %1 cannot be opened for writing: %2</source>
        <translation>无法以写入方式打开审计日志 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log %1 is being written by another program that has not finished within %2 s (is a convdesk-cli stopped?). Nothing was recorded; try again.</source>
        <translation>审计日志 %1 正由另一个程序写入，且在 %2 秒内未完成（是否有 convdesk-cli 被暂停？）。未记录任何内容；请重试。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit log %1 cannot be read: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The audit log %1 could not be written (%2). The records already in it are intact; this attempt is not among them.</source>
        <translation>无法写入审计日志 %1（%2）。日志中已有的记录完好无损；本次尝试未被记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit log %1 could not be saved to disk.</source>
        <translation>审计日志 %1 未能保存到磁盘。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <location line="+24"/>
        <location line="+29"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+24"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>line %1 is incomplete (the program probably stopped while writing it) and was skipped.</source>
        <translation>第 %1 行不完整（程序可能在写入时中止），已跳过。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>line %1 is not valid JSON (%2) and was skipped.</source>
        <translation>第 %1 行不是有效的 JSON（%2），已跳过。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1 is not an audit record (%2) and was skipped.</source>
        <translation>第 %1 行不是审计记录（%2），已跳过。</translation>
    </message>
</context>
<context>
    <name>AuditRecord</name>
    <message>
        <location filename="../../app/core/audit/AuditRecord.cpp" line="+78"/>
        <source>Interrupted: the save was sent, but its process ended before the outcome was known. The next save or start of the app checks the server and records what happened.</source>
        <translation>已中断：保存请求已发出，但其进程在得知结果前已结束。下一次保存或应用启动时会检查服务端并记录实际结果。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no &quot;time&quot;</source>
        <translation>缺少 &quot;time&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;time&quot; is not an ISO 8601 date and time: %1</source>
        <translation>&quot;time&quot; 不是 ISO 8601 格式的日期时间：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &quot;conversation_id&quot;</source>
        <translation>缺少 &quot;conversation_id&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;phase&quot; is not a string</source>
        <translation>&quot;phase&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;phase&quot; is not complete, attempt or outcome: %1</source>
        <translation>&quot;phase&quot; 不是 complete、attempt 或 outcome：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;error_kind&quot; is not a string</source>
        <translation>&quot;error_kind&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &quot;error_kind&quot;</source>
        <translation>缺少 &quot;error_kind&quot;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a string</source>
        <translation>&quot;%1&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;expected&quot; is not a string</source>
        <translation>&quot;expected&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;value_before&quot; is not a string</source>
        <translation>&quot;value_before&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;value_after&quot; is not a string</source>
        <translation>&quot;value_after&quot; 不是字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &quot;attempt_id&quot; on an attempt or outcome line</source>
        <translation>attempt 或 outcome 行缺少 &quot;attempt_id&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>&quot;schema_errors&quot; is not a list of strings</source>
        <translation>&quot;schema_errors&quot; 不是字符串列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;revert_of&quot; is not an object with a &quot;time&quot;</source>
        <translation>&quot;revert_of&quot; 不是带有 &quot;time&quot; 的对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;revert_of&quot; has no ISO 8601 &quot;time&quot;: %1</source>
        <translation>&quot;revert_of&quot; 没有 ISO 8601 格式的 &quot;time&quot;：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;code&quot; is not an integer</source>
        <translation>&quot;code&quot; 不是整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;http_status&quot; is not an integer</source>
        <translation>&quot;http_status&quot; 不是整数</translation>
    </message>
</context>
<context>
    <name>BoundedInput</name>
    <message>
        <location filename="../../app/cli/BoundedInput.cpp" line="+17"/>
        <source>%1 holds more than %2 bytes (%3 KiB), the limit for this input; nothing was sent.</source>
        <translation>%1 超过 %2 字节（%3 KiB），即此输入的上限；未发送任何内容。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+17"/>
        <location line="+8"/>
        <location line="+31"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 contains a NUL character at byte %2; NUL characters are not allowed.</source>
        <translation>%1 在第 %2 字节处包含 NUL 字符；不允许使用 NUL 字符。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not UTF-8 text; save it as UTF-8 and try again.</source>
        <translation>%1 不是 UTF-8 文本；请以 UTF-8 编码保存后重试。</translation>
    </message>
</context>
<context>
    <name>CaCertificateFile</name>
    <message>
        <location filename="../../app/core/api/CaCertificateFile.cpp" line="+24"/>
        <source>The CA certificate file %1 is not a regular file.</source>
        <translation>CA 证书文件 %1 不是普通文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>无法读取 CA 证书文件 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The CA certificate file %1 is %2 MB; a certificate file is far smaller.</source>
        <translation>CA 证书文件 %1 有 %2 MB；证书文件通常要小得多。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file %1 holds no certificate (expected PEM &quot;-----BEGIN CERTIFICATE-----&quot; blocks or one DER certificate).</source>
        <translation>文件 %1 中没有证书（应为 PEM 格式的 &quot;-----BEGIN CERTIFICATE-----&quot; 块，或一个 DER 证书）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every certificate in %1 has expired.</source>
        <translation>%1 中的所有证书均已过期。</translation>
    </message>
</context>
<context>
    <name>CheckExtensionCommand</name>
    <message>
        <location filename="../../app/cli/commands/CheckExtensionCommand.cpp" line="+18"/>
        <source>Check a server_extension against a JSON Schema (draft-07), given as a file or as the one a
profile names; nothing is sent. Prints &quot;valid&quot; (exit 0), or each error as &quot;/pointer: message&quot;
on standard error (exit 2); a schema that cannot be read or is not valid is named (exit 2).</source>
        <translation>按 JSON Schema（draft-07，以文件给出或取自配置）校验 server_extension；不发送任何内容。
通过时输出 &quot;valid&quot;（退出码 0），否则在标准错误上逐条输出 &quot;/pointer: message&quot;（退出码 2）；
无法读取或无效的模式会被指出（退出码 2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server_extension text to check.</source>
        <translation>要校验的 server_extension 文本。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the server_extension to check from a file.</source>
        <translation>从文件读取要校验的 server_extension。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>path</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Read the server_extension to check from standard input.</source>
        <translation>从标准输入读取要校验的 server_extension。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The JSON Schema file to check against.</source>
        <translation>用于校验的 JSON Schema 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check against the extension schema of this profile.</source>
        <translation>按此配置的扩展字段模式校验。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>check-extension takes no arguments.</source>
        <translation>check-extension 不接受参数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give exactly one of --schema FILE or --profile NAME.</source>
        <translation>请给出 --schema FILE 或 --profile NAME 之一（且只能一个）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there is no profile named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the profile &quot;%1&quot; has no extension schema (profile add --extension-schema FILE).</source>
        <translation>配置 &quot;%1&quot; 没有扩展字段模式（profile add --extension-schema FILE）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <location filename="../../app/cli/CliApplication.cpp" line="+83"/>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run &quot;convdesk-cli COMMAND --help&quot; or &quot;convdesk-cli help COMMAND&quot; for the options of one command.</source>
        <translation>运行“convdesk-cli COMMAND --help”或“convdesk-cli help COMMAND”查看某个命令的选项。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &quot;convdesk-cli --help&quot; for usage.</source>
        <translation>运行“convdesk-cli --help”查看用法。</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>no command given.</source>
        <translation>未指定命令。</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Conversation Desk command line: inspect and edit NetEase Yunxin IM conversations.

Commands:
  profile add NAME (--region mainland|overseas | --endpoint URL) --app-key KEY
              [--ca-file PATH] [--extension-schema FILE]
                     store a profile; the AppSecret is read from standard input
  profile list       list the stored profiles
  profile remove NAME
                     remove a profile and its secret
  get CONVERSATION_ID
                     print the conversation as JSON, in the server&apos;s key order
  set-extension CONVERSATION_ID (--value TEXT | --file PATH | --stdin)
                [--expect-current TEXT | --expect-file PATH]
                     replace the conversation&apos;s server_extension; with --expect-*, only
                     if the server still holds exactly that value (else exit 6); a
                     value that fails the profile&apos;s schema is not sent (exit 2)
  check-extension (--value TEXT | --file PATH | --stdin) (--schema FILE | --profile NAME)
                     check a value against a JSON Schema; nothing is sent
  list ACCOUNT_ID [--limit N] [--all]
                     list an account&apos;s conversations
  history [--conversation ID] [--profile NAME] [--outcome success|failure|conflict]
          [--format table|json|csv]
                     print the audit log of save attempts (GUI and CLI)
  sandbox [--port N] [--https]
                     run the built-in simulator of the API

Every set-extension attempt (success, failure or conflict) is recorded in the audit log
%1

Exit codes: 0 ok, 2 usage or invalid input, 3 business error, 4 network/timeout/TLS/HTTP,
5 credential or keychain problem, 6 conflict (the server&apos;s value is not the expected one;
nothing was written), 7 the audit log cannot be written (nothing was sent).</source>
        <translation>会话工作台命令行：查看和编辑网易云信 IM 会话。

命令：
  profile add NAME (--region mainland|overseas | --endpoint URL) --app-key KEY
              [--ca-file PATH] [--extension-schema FILE]
                     保存一个配置；AppSecret 从标准输入读取
  profile list       列出已保存的配置
  profile remove NAME
                     删除一个配置及其密钥
  get CONVERSATION_ID
                     以 JSON 输出会话，键的顺序与服务端一致
  set-extension CONVERSATION_ID (--value TEXT | --file PATH | --stdin)
                [--expect-current TEXT | --expect-file PATH]
                     替换会话的服务端扩展字段（server_extension）；使用 --expect-* 时，
                     仅当服务端的值与之完全一致时才写入（否则退出码为 6）；
                     未通过配置模式校验的值不会发送（退出码 2）
  check-extension (--value TEXT | --file PATH | --stdin) (--schema FILE | --profile NAME)
                     按 JSON Schema 校验值；不发送任何内容
  list ACCOUNT_ID [--limit N] [--all]
                     列出某个账号的会话
  history [--conversation ID] [--profile NAME] [--outcome success|failure|conflict]
          [--format table|json|csv]
                     输出保存操作的审计日志（图形界面和命令行）
  sandbox [--port N] [--https]
                     运行内置的 API 模拟器（沙盒）

每次 set-extension 操作（成功、失败或冲突）都会记录在审计日志中：
%1

退出码：0 成功，2 用法或输入错误，3 业务错误，4 网络/超时/TLS/HTTP 错误，
5 凭据或密钥环问题，6 冲突（服务端的值不是预期的值；未写入任何内容），
7 无法写入审计日志（未发送任何请求）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Batch runs: &quot;get ID ID...&quot; or &quot;get --ids-from FILE|-&quot; prints one line of JSON per conversation;
&quot;set-extension --ids-from FILE|- --set KEY=JSON ...&quot; saves each conversation of the list and prints
one result line per ID. FILE holds one ID per line (blank lines and # comments are skipped; &quot;-&quot; is
standard input). The secret is read once and one connection is kept; code 416 (rate limited) is
retried after a growing pause. A failed ID is named on standard error and the run goes on; it ends
with the most severe exit code of its conversations, in this order: 7, 5, 4, 6, 3, 2, 0.</source>
        <translation>批量运行：&quot;get ID ID...&quot; 或 &quot;get --ids-from FILE|-&quot; 为每个会话输出一行 JSON；
&quot;set-extension --ids-from FILE|- --set KEY=JSON ...&quot; 保存列表中的每个会话，并为每个 ID
输出一行结果。FILE 每行一个 ID（跳过空行和 # 注释；&quot;-&quot; 表示标准输入）。密钥只读取一次，
并保持同一个连接；代码 416（限流）会在逐渐加长的等待后重试。某个 ID 失败时会在标准错误中
注明，运行继续；最终以各会话中最严重的退出码结束，顺序为：7、5、4、6、3、2、0。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>profile, get, set-extension, check-extension, list, history or sandbox</source>
        <translation>profile、get、set-extension、check-extension、list、history 或 sandbox</translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+24"/>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>use &quot;profile add&quot;, &quot;profile list&quot; or &quot;profile remove&quot;.</source>
        <translation>请使用“profile add”“profile list”或“profile remove”。</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <location filename="../../app/cli/Command.cpp" line="+51"/>
        <source>unknown option %1 for &quot;%2&quot;.</source>
        <translation>未知选项 %1：“%2”没有这个选项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>convdesk-cli: warning: %1</source>
        <translation>convdesk-cli：警告：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &quot;convdesk-cli %1 --help&quot; for usage.</source>
        <translation>运行“convdesk-cli %1 --help”查看用法。</translation>
    </message>
</context>
<context>
    <name>ConversationId</name>
    <message>
        <location filename="../../app/core/api/ConversationId.cpp" line="+26"/>
        <source>The account ID is empty.</source>
        <translation>账号 ID 为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account ID has %1 characters; at most %2 are allowed.</source>
        <translation>账号 ID 有 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account ID contains &quot;%1&quot;; only letters, digits and _ @ . - are allowed.</source>
        <translation>账号 ID 中含有“%1”；只允许字母、数字和 _ @ . -。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The peer account ID is empty.</source>
        <translation>对方账号 ID 为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer: %1</source>
        <translation>对方：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team ID is empty.</source>
        <translation>群 ID 为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team ID is too long.</source>
        <translation>群 ID 过长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team ID must be a number; &quot;%1&quot; is not a digit.</source>
        <translation>群 ID 必须是数字；“%1”不是数字。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter a conversation ID such as acc1|1|acc2.</source>
        <translation>请输入会话 ID，例如 acc1|1|acc2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A conversation ID has three parts separated by &quot;|&quot;: account|type|target (for example acc1|1|acc2); &quot;%1&quot; has %2.</source>
        <translation>会话 ID 由“|”分隔的三部分组成：账号|类型|目标（例如 acc1|1|acc2）；“%1”有 %2 部分。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The conversation type &quot;%1&quot; is not 1 (one-to-one), 2 (advanced team) or 3 (super team).</source>
        <translation>会话类型“%1”不是 1（单聊）、2（高级群）或 3（超大群）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>one-to-one</source>
        <translation>单聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advanced team</source>
        <translation>高级群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>super team</source>
        <translation>超大群</translation>
    </message>
</context>
<context>
    <name>ConversationLink</name>
    <message>
        <location filename="../../app/core/api/ConversationLink.cpp" line="+63"/>
        <source>The link is %1 characters long; a conversation link has at most %2.</source>
        <translation>链接长 %1 个字符；会话链接最多 %2 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a Conversation Desk link; those start with convdesk://open?</source>
        <translation>“%1”不是会话工作台的链接；这类链接以 convdesk://open? 开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link cannot be read: %1</source>
        <translation>无法读取该链接：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only convdesk://open?profile=…&amp;id=… links are understood, not &quot;%1&quot;.</source>
        <translation>只能识别 convdesk://open?profile=…&amp;id=… 形式的链接，无法识别“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link carries a user name or password (before &quot;@&quot;). Links never carry credentials, so it is refused; ask for one made with Copy link.</source>
        <translation>该链接带有用户名或密码（“@”之前的部分）。链接从不携带凭据，因此已拒绝；请向对方索取用“复制链接”生成的链接。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The link carries &quot;%1&quot;, which looks like a secret. Links never carry secrets, so it is refused; ask for one made with Copy link.</source>
        <translation>该链接带有“%1”，看起来像是机密信息。链接从不携带机密，因此已拒绝；请向对方索取用“复制链接”生成的链接。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The link ends with something that looks like a secret (after &quot;#&quot;). Links never carry secrets, so it is refused; ask for one made with Copy link.</source>
        <translation>该链接末尾（“#”之后）有看起来像机密的内容。链接从不携带机密，因此已拒绝；请向对方索取用“复制链接”生成的链接。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The link names %1 profiles; it must name one.</source>
        <translation>该链接指定了 %1 个配置；只能指定一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link names no profile (profile=NAME).</source>
        <translation>该链接没有指定配置（profile=名称）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link&apos;s profile name is not valid: %1</source>
        <translation>链接中的配置名称无效：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link names %1 conversations; it must name one.</source>
        <translation>该链接指定了 %1 个会话；只能指定一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link names no conversation (id=ID).</source>
        <translation>该链接没有指定会话（id=会话 ID）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link&apos;s conversation ID is not valid: %1</source>
        <translation>链接中的会话 ID 无效：%1</translation>
    </message>
</context>
<context>
    <name>CredentialCheck</name>
    <message>
        <location filename="../../app/core/api/CredentialCheck.cpp" line="+9"/>
        <source>%1: %2 ms, trace id %3</source>
        <translation>%1：%2 毫秒，追踪 ID %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials accepted: the server answered code %1. (%2)</source>
        <translation>凭据有效：服务端返回码 %1。（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not confirm the credentials: the server answered code 414 (&quot;%1&quot;), which it gives both for a wrong AppKey, AppSecret or clock and for a bad parameter such as an unknown conversation. Test with a conversation ID or account that exists; only code 200 proves the credentials. (%2)</source>
        <translation>无法确认凭据：服务端返回代码 414（“%1”），AppKey、AppSecret 或时钟错误以及参数错误（例如会话不存在）都会返回此代码。请用存在的会话 ID 或账号测试；只有代码 200 才能证明凭据正确。（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not confirm the credentials: %1 Only code 200 proves the credentials; test with a conversation ID or account that exists. (%2)</source>
        <translation>无法确认凭据：%1 只有代码 200 才能证明凭据正确；请用存在的会话 ID 或账号测试。（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not check the credentials: %1 (%2)</source>
        <translation>无法检查凭据：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CurlCommand</name>
    <message>
        <location filename="../../app/core/api/CurlCommand.cpp" line="+49"/>
        <source># Conversation Desk: %1 %2</source>
        <translation># 会话工作台：%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source># X-custom-traceid is the original request&apos;s, so the vendor can find it in their logs.</source>
        <translation># X-custom-traceid 沿用原始请求的追踪 ID，便于云信在日志中查找。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># The server de-duplicates by trace id: to send the request anew, use a fresh one.</source>
        <translation># 服务端按追踪 ID 去重：若要重新发送请求，请换一个新的追踪 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source># Nonce, CurTime and CheckSum are placeholders. Compute them in a POSIX shell, with the</source>
        <translation># Nonce、CurTime 和 CheckSum 是占位符。请在 POSIX shell 中计算它们，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># AppSecret in the environment variable APP_SECRET (never paste it into a ticket):</source>
        <translation># AppSecret 放在环境变量 APP_SECRET 中（切勿粘贴到工单里）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source># CheckSum is the lowercase hex SHA-1 of AppSecret + Nonce + CurTime (UTF-8); replace the</source>
        <translation># 签名 CheckSum 是 AppSecret + Nonce + CurTime（UTF-8）的小写十六进制 SHA-1；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># placeholders below with the three values. The server accepts a CheckSum for 5 minutes.</source>
        <translation># 用这三个值替换下面的占位符。服务端在 5 分钟内接受同一个 CheckSum。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source># Live signature: Nonce, CurTime and CheckSum below are the real ones. They are valid for</source>
        <translation># 实时签名：下面的 Nonce、CurTime 和 CheckSum 是真实值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># 5 minutes from CurTime; after that the server rejects them.</source>
        <translation># 自 CurTime 起 5 分钟内有效；之后服务端会拒绝。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source># 5 minutes from CurTime, until %1 UTC; after that the server rejects them.</source>
        <translation># 自 CurTime 起 5 分钟内有效，直到 %1 UTC；之后服务端会拒绝。</translation>
    </message>
</context>
<context>
    <name>ExtensionDiff</name>
    <message>
        <location filename="../../app/core/json/ExtensionDiff.cpp" line="+53"/>
        <source>1 line removed</source>
        <translation>删除 1 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 lines removed</source>
        <translation>删除 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added</source>
        <translation>新增 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2 characters</source>
        <translation>%1 → %2 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the JSON formatting changes, %1</source>
        <translation>只有 JSON 格式变化，%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No change, %1 characters</source>
        <translation>无变化，%1 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
</context>
<context>
    <name>ExtensionSchema</name>
    <message>
        <location filename="../../app/core/schema/ExtensionSchema.cpp" line="+193"/>
        <source>The schema file %1 does not exist.</source>
        <translation>模式文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The schema file %1 cannot be read: %2</source>
        <translation>无法读取模式文件 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The schema file %1 is larger than 1 MiB; a schema is much smaller.</source>
        <translation>模式文件 %1 超过 1 MiB；模式文件应小得多。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The schema %1 is not JSON: %2</source>
        <translation>模式 %1 不是 JSON：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The schema %1 is not a valid JSON Schema (draft-07): %2: %3</source>
        <translation>模式 %1 不是有效的 JSON Schema（draft-07）：%2：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The schema %1 is not a valid JSON Schema (draft-07): %2: %3 is not a regular expression</source>
        <translation>模式 %1 不是有效的 JSON Schema（draft-07）：%2：%3 不是正则表达式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The schema %1 cannot be used: %2</source>
        <translation>无法使用模式 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>is not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot be checked against the schema: %1</source>
        <translation>无法按模式校验：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>does not pass the schema</source>
        <translation>未通过模式校验</translation>
    </message>
</context>
<context>
    <name>FieldDecoder</name>
    <message>
        <location filename="../../app/core/json/FieldDecoder.cpp" line="+194"/>
        <source>… and %1 more characters (copy the value to see all of it)</source>
        <translation>……还有 %1 个字符（复制该值可查看全部内容）</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{1 key}</source>
        <translation>{1 个键}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{%1 keys}</source>
        <translation>{%1 个键}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[1 item]</source>
        <translation>[1 项]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[%1 items]</source>
        <translation>[%1 项]</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>one-to-one</source>
        <translation>单聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advanced team</source>
        <translation>高级群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>super team</source>
        <translation>超大群</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audio</source>
        <translation>语音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>地理位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tip</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last message recalled</source>
        <translation>最后一条消息已撤回</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one-to-one two-way</source>
        <translation>单聊双向撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team two-way</source>
        <translation>群聊双向撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one-to-one one-way</source>
        <translation>单聊单向撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team one-way</source>
        <translation>群聊单向撤回</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows Phone</source>
        <translation>Windows Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HarmonyOS</source>
        <translation>HarmonyOS</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 ms since 1970-01-01 UTC
%2 UTC</source>
        <translation>自 1970-01-01 UTC 起的 %1 毫秒
%2 UTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (ms timestamp)</source>
        <translation>%1（毫秒时间戳）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (enum)</source>
        <translation>%1（枚举）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a value the API documents for %2</source>
        <translation>%1 不是 API 文档中 %2 的取值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <comment>enum value and its meaning</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the string &quot;%1&quot;, read as a boolean</source>
        <translation>字符串“%1”，按布尔值解读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boolean (string)</source>
        <translation>布尔值（字符串）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>string (JSON)</source>
        <translation>字符串（JSON）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>empty string</source>
        <translation>空字符串</translation>
    </message>
</context>
<context>
    <name>GetCommand</name>
    <message>
        <location filename="../../app/cli/commands/GetCommand.cpp" line="+20"/>
        <source>Print the conversation as JSON, in the server&apos;s key order.</source>
        <translation>以 JSON 输出会话，键的顺序与服务端一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With several IDs, or --ids-from FILE|- (one ID per line), each conversation is printed as one
line of compact JSON (JSON Lines), in the order given, over one connection; the AppSecret is
read once. An ID that fails or is not a conversation ID is named on standard error (&quot;ID: ...&quot;)
and skipped; code 416 (rate limited) is retried after a growing pause. The run ends with the
most severe exit code of its conversations: 7, 5, 4, 6, 3, 2, then 0.</source>
        <translation>给出多个 ID 或使用 --ids-from FILE|-（每行一个 ID）时，每个会话按给出的顺序输出为一行紧凑
JSON（JSON Lines），全程使用同一个连接；AppSecret 只读取一次。失败的 ID 或不是会话 ID 的内容
会在标准错误中注明（&quot;ID: ...&quot;）并跳过；代码 416（限流）会在逐渐加长的等待后重试。运行以
各会话中最严重的退出码结束：7、5、4、6、3、2，最后是 0。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>get needs a CONVERSATION_ID (or several, or --ids-from FILE).</source>
        <translation>get 需要一个 CONVERSATION_ID（或多个，或 --ids-from FILE）。</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <location filename="../../app/cli/commands/HistoryCommand.cpp" line="+48"/>
        <source>Print the audit log of save attempts (GUI and CLI), oldest first:
%1</source>
        <translation>输出保存操作的审计日志（图形界面和命令行），按时间从早到晚：
%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only this conversation.</source>
        <translation>只显示此会话。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the records of this profile.</source>
        <translation>只显示此配置的记录。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outcome</source>
        <translation>OUTCOME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format: table (default), json or csv.</source>
        <translation>输出格式：table（表格，默认）、json 或 csv。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>history takes no arguments; filter with --conversation, --profile or --outcome.</source>
        <translation>history 不接受参数；请用 --conversation、--profile 或 --outcome 筛选。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Only attempts with this outcome: success, failure, conflict or unknown.</source>
        <translation>只显示此结果的操作：success（成功）、failure（失败）、conflict（冲突）或 unknown（未知）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--outcome must be success, failure, conflict or unknown, not &quot;%1&quot;.</source>
        <translation>--outcome 必须是 success、failure、conflict 或 unknown，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--format must be table, json or csv, not &quot;%1&quot;.</source>
        <translation>--format 必须是 table、json 或 csv，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: warning: %1</source>
        <translation>convdesk-cli：警告：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No save attempts recorded%1.</source>
        <translation>没有%1保存记录。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> that match</source>
        <translation>符合条件的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TIME (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PROFILE</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CONVERSATION</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUTCOME</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CODE</source>
        <translation>返回码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TRACE ID</source>
        <translation>追踪 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VALUE BEFORE</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VALUE SENT</source>
        <translation>发送的值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>IdList</name>
    <message>
        <location filename="../../app/cli/IdList.cpp" line="+10"/>
        <source>Read the conversation IDs from a file, one per line (&quot;-&quot;: standard input); blank lines and # comments are skipped.</source>
        <translation>从文件读取会话 ID，每行一个（&quot;-&quot;：标准输入）；空行和 # 注释会被跳过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 holds no conversation ID.</source>
        <translation>%1 中没有会话 ID。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: convdesk-cli: line %2 is not a conversation ID, skipped: %3</source>
        <translation>%1: convdesk-cli：第 %2 行不是会话 ID，已跳过：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: convdesk-cli: not a conversation ID, skipped: %2</source>
        <translation>%1: convdesk-cli：不是会话 ID，已跳过：%2</translation>
    </message>
</context>
<context>
    <name>InlineValueEdit</name>
    <message>
        <location filename="../../app/core/json/InlineValueEdit.cpp" line="+30"/>
        <source>%1 was not changed: the text typed is not JSON (%2). Type a number, true, false or null, or text in double quotes.</source>
        <translation>%1 未更改：输入的文本不是 JSON（%2）。请输入数字、true、false 或 null，或用双引号括起的文本。</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <location filename="../../app/core/json/JsonPath.cpp" line="+79"/>
        <source>path %1, character %2: %3</source>
        <translation>路径 %1，第 %2 个字符：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a path starts with $</source>
        <translation>路径必须以 $ 开头</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a member name is missing after the dot</source>
        <translation>点号后缺少成员名</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a quoted member name is not closed with &quot;]</source>
        <translation>带引号的成员名没有以 &quot;] 结束</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the member name is not a valid JSON string</source>
        <translation>成员名不是有效的 JSON 字符串</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an array position is not closed with ]</source>
        <translation>数组下标没有以 ] 结束</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an array position</source>
        <translation>“%1”不是数组下标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected . or [ but found &quot;%1&quot;</source>
        <translation>此处应为 . 或 [，实际是“%1”</translation>
    </message>
</context>
<context>
    <name>JsonTextEditor</name>
    <message>
        <location filename="../../app/core/json/JsonTextEditor.cpp" line="+36"/>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an array</source>
        <translation>一个数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string</source>
        <translation>一个字符串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a boolean</source>
        <translation>一个布尔值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a key is empty.</source>
        <translation>有一个键为空。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the JSON Pointer %1 has a &apos;~&apos; that is not followed by 0 or 1 (write ~0 for &apos;~&apos; and ~1 for &apos;/&apos;).</source>
        <translation>JSON Pointer %1 中有一个 &apos;~&apos; 后面不是 0 或 1（&apos;~&apos; 请写作 ~0，&apos;/&apos; 请写作 ~1）。</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>cannot edit %1: %2 does not exist (missing objects are not created).</source>
        <translation>无法编辑 %1：%2 不存在（不会自动创建缺少的对象）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot edit %1: %2 is %3, not an object.</source>
        <translation>无法编辑 %1：%2 是%3，不是对象。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not there; nothing to remove.</source>
        <translation>%1 不存在，无需删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot add %1: it exists already.</source>
        <translation>无法添加 %1：它已存在。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot add %1: the array has no position %2 (it has %3 elements).</source>
        <translation>无法添加 %1：数组没有位置 %2（它有 %3 个元素）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot edit %1: it does not exist.</source>
        <translation>无法编辑 %1：它不存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot rename %1: it is an array element, which has no name.</source>
        <translation>无法重命名 %1：它是数组元素，没有名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot rename %1: the new name is empty.</source>
        <translation>无法重命名 %1：新名称为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot rename %1 to %2: the object has a member of that name already.</source>
        <translation>无法将 %1 重命名为 %2：该对象已有同名成员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot move %1 to position %2: its container has %3 members.</source>
        <translation>无法将 %1 移到位置 %2：其所在容器有 %3 个成员。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot edit %1: the array has no element %2 (it has %3; use - to append).</source>
        <translation>无法编辑 %1：数组没有第 %2 个元素（共有 %3 个；追加请用 -）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the value for %1 is not JSON (%2). To set a text, use --set-string or quote it as a JSON string.</source>
        <translation>%1 的值不是 JSON（%2）。要设置文本，请使用 --set-string，或将其写成带引号的 JSON 字符串。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the value is not valid JSON (%1); edits by key need a JSON object.</source>
        <translation>该值不是有效的 JSON（%1）；按键编辑需要 JSON 对象。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>edits by key need a JSON object; this value is %1.</source>
        <translation>按键编辑需要 JSON 对象；此值是%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the edits would give invalid JSON (%1); nothing was changed.</source>
        <translation>这些编辑会产生无效的 JSON（%1）；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>KeyEdits</name>
    <message>
        <location filename="../../app/cli/KeyEdits.cpp" line="+24"/>
        <source>--unset needs a KEY; it is empty.</source>
        <translation>--unset 需要一个 KEY，但它为空。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--set needs KEY=JSON, e.g. --set vip=true or --set &apos;name=&quot;Li&quot;&apos;; got &quot;%1&quot;.</source>
        <translation>--set 需要 KEY=JSON，例如 --set vip=true 或 --set &apos;name=&quot;Li&quot;&apos;；收到的是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--set-string needs KEY=TEXT, e.g. --set-string name=Li; got &quot;%1&quot;.</source>
        <translation>--set-string 需要 KEY=TEXT，例如 --set-string name=Li；收到的是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2: the KEY before &apos;=&apos; is empty.</source>
        <translation>%1 %2：&apos;=&apos; 前面的 KEY 为空。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Set KEY (a top-level key or a JSON Pointer like /contact/phone) to a JSON value; repeatable.</source>
        <translation>将 KEY（顶层键，或如 /contact/phone 的 JSON Pointer）设为一个 JSON 值；可重复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KEY=JSON</source>
        <translation>KEY=JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set KEY to TEXT as a JSON string; repeatable.</source>
        <translation>将 KEY 设为 TEXT（作为 JSON 字符串）；可重复。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KEY=TEXT</source>
        <translation>KEY=TEXT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove KEY (nothing happens when it is not there); repeatable.</source>
        <translation>删除 KEY（不存在时不做任何事）；可重复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--set, --set-string and --unset edit the value the server holds; they cannot be combined with --%1 (the value read is the guard).</source>
        <translation>--set、--set-string 和 --unset 编辑服务器上的当前值，不能与 --%1 同时使用（读取到的值即为保护条件）。</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <location filename="../../app/cli/commands/ListCommand.cpp" line="+18"/>
        <source>List an account&apos;s conversations as JSON.</source>
        <translation>以 JSON 列出某个账号的会话。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conversations per page, 1 to 100 (default 100).</source>
        <translation>每页会话数，1 到 100（默认 100）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>n</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Follow next_token until every page is read.</source>
        <translation>按 next_token 依次翻页，直到读完所有页。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --all, read at most n pages (default %1); stopping there exits with 4.</source>
        <translation>与 --all 一起使用时，最多读取 n 页（默认 %1）；在此停止时退出码为 4。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account whose conversations are listed.</source>
        <translation>要列出其会话的账号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>list takes exactly one ACCOUNT_ID.</source>
        <translation>list 需要且只需要一个 ACCOUNT_ID（账号 ID）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--limit must be a number from 1 to 100.</source>
        <translation>--limit 必须是 1 到 100 之间的数字。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--max-pages must be a whole number of at least 1.</source>
        <translation>--max-pages 必须是不小于 1 的整数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--max-pages goes with --all.</source>
        <translation>--max-pages 需与 --all 一起使用。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>convdesk-cli: stopped at the page cap, --max-pages %1. Conversations printed: %2. The server has more (next_token &quot;%3&quot;).</source>
        <translation>convdesk-cli：已达到页数上限 --max-pages %1 而停止。已输出会话：%2。服务器上还有更多（next_token &quot;%3&quot;）。</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <location filename="../../app/core/platform/PrivateFiles.cpp" line="+31"/>
        <source>The folder %1 could not be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder %1 could not be made private to its owner.</source>
        <translation>无法将文件夹 %1 设为仅所有者可访问。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file %1 could not be made private to its owner: %2</source>
        <translation>无法将文件 %1 设为仅所有者可访问：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file %1 could not be created: %2</source>
        <translation>无法创建文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProfileAddCommand</name>
    <message>
        <location filename="../../app/cli/commands/ProfileAddCommand.cpp" line="+19"/>
        <source>Store a profile: its region (or a custom endpoint) and its AppKey.
The AppSecret is read from standard input and stored in the system keychain.</source>
        <translation>保存一个配置：其区域（或自定义端点）和 AppKey。
AppSecret 从标准输入读取，并保存在系统密钥环中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most 4 KiB of AppSecret are read. An existing profile of the same name, in any case, is replaced only with --replace.</source>
        <translation>AppSecret 最多读取 4 KiB。同名配置（不区分大小写）仅在使用 --replace 时才会被替换。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Region of a new profile: mainland or overseas.</source>
        <translation>新配置的区域：mainland（中国大陆）或 overseas（海外）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>region</source>
        <translation>REGION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom base URL of a new profile (https, or http on loopback).</source>
        <translation>新配置的自定义基础 URL（https；本机回环地址可用 http）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional backup base URL of a custom profile.</source>
        <translation>自定义配置的备用基础 URL（可选）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppKey of a new profile.</source>
        <translation>新配置的 AppKey。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>KEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificates (PEM) a new profile trusts besides the system&apos;s.</source>
        <translation>新配置在系统证书之外额外信任的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>path</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Replace an existing profile of this name (its AppSecret and all its settings).</source>
        <translation>替换此名称的现有配置（其 AppSecret 和全部设置）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A JSON Schema (draft-07) every new server_extension must pass; read when used.</source>
        <translation>每个新 server_extension 都必须通过的 JSON Schema（draft-07）；在使用时读取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every save with this profile needs a reason (set-extension --reason), recorded in the audit log.</source>
        <translation>使用此配置的每次保存都需要原因（set-extension --reason），并记入审计日志。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name of the profile; an existing one is replaced only with --replace.</source>
        <translation>配置名称；现有配置仅在使用 --replace 时才会被替换。</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>convdesk-cli: the previous AppSecret of &quot;%1&quot; could not be put back; add that profile again with --replace.</source>
        <translation>convdesk-cli：无法恢复“%1”原来的 AppSecret；请使用 --replace 重新添加该配置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>convdesk-cli: nothing was changed: the keychain holds the previous AppSecret, if there was one.</source>
        <translation>convdesk-cli：未做任何更改：密钥环中保留原来的 AppSecret（如有）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>convdesk-cli: the keychain could not be put back as it was; the AppSecret of &quot;%1&quot; may be missing or new. Add the profile again with --replace.</source>
        <translation>convdesk-cli：无法将密钥环恢复原状；“%1”的 AppSecret 可能缺失或已是新值。请使用 --replace 重新添加该配置。</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>profile add takes exactly one NAME.</source>
        <translation>profile add 需要且只需要一个 NAME（名称）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give exactly one of --region mainland|overseas or --endpoint URL.</source>
        <translation>--region mainland|overseas 和 --endpoint URL 必须且只能指定其一。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--app-key is required.</source>
        <translation>必须指定 --app-key。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--region must be mainland or overseas, not &quot;%1&quot;.</source>
        <translation>--region 必须是 mainland 或 overseas，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--backup-endpoint goes with --endpoint.</source>
        <translation>--backup-endpoint 需与 --endpoint 一起使用。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a profile named &quot;%1&quot; already exists; to replace its AppSecret and settings, run the same command again with --replace.</source>
        <translation>名为“%1”的配置已存在；如需替换其 AppSecret 和设置，请加上 --replace 重新运行同一命令。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no AppSecret on standard input (pipe it in, e.g. &quot;printf %s \&quot;$SECRET\&quot; | convdesk-cli profile add ...&quot;).</source>
        <translation>标准输入中没有 AppSecret（请通过管道传入，例如“printf %s \&quot;$SECRET\&quot; | convdesk-cli profile add ...”）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>convdesk-cli: nothing was changed: the current AppSecret of &quot;%1&quot; could not be read from the keychain: %2</source>
        <translation>convdesk-cli：未做任何更改：无法从密钥环读取“%1”当前的 AppSecret：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>convdesk-cli: nothing was changed: the AppSecret of &quot;%1&quot; could not be removed from the keychain: %2</source>
        <translation>convdesk-cli：未做任何更改：无法从密钥环中删除“%1”的 AppSecret：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>convdesk-cli: the AppSecret could not be stored in the keychain: %1</source>
        <translation>convdesk-cli：无法将 AppSecret 保存到密钥环：%1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Profile &quot;%1&quot; saved; its AppSecret is in the system keychain.</source>
        <translation>配置“%1”已保存；其 AppSecret 保存在系统密钥环中。</translation>
    </message>
</context>
<context>
    <name>ProfileListCommand</name>
    <message>
        <location filename="../../app/cli/commands/ProfileListCommand.cpp" line="+14"/>
        <source>List the stored profiles: name, region or endpoint, AppKey, which one is the default, and which require a reason for every save, and the extension schema each checks values against.</source>
        <translation>列出已保存的配置：名称、区域或端点、AppKey、哪个是默认配置、哪些要求每次保存填写原因，以及各自用于校验值的扩展字段模式。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>profile list takes no arguments.</source>
        <translation>profile list 不接受参数。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(reason required)</source>
        <translation>（需填写原因）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(schema: %1)</source>
        <translation>（模式：%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No profiles yet; add one with &quot;convdesk-cli profile add&quot;.</source>
        <translation>还没有配置；请用“convdesk-cli profile add”添加。</translation>
    </message>
</context>
<context>
    <name>ProfileRemoveCommand</name>
    <message>
        <location filename="../../app/cli/commands/ProfileRemoveCommand.cpp" line="+17"/>
        <source>Remove a profile and its AppSecret from the system keychain.</source>
        <translation>删除一个配置，并从系统密钥环中删除其 AppSecret。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the profile to remove.</source>
        <translation>要删除的配置名称。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>profile remove takes exactly one NAME.</source>
        <translation>profile remove 需要且只需要一个 NAME（名称）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no profile named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: nothing was removed: the settings file %1 could not be written; the profile &quot;%2&quot; and its AppSecret are unchanged.</source>
        <translation>convdesk-cli：未删除任何内容：无法写入设置文件 %1；配置“%2”及其 AppSecret 保持不变。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>convdesk-cli: the AppSecret could not be removed from the keychain: %1</source>
        <translation>convdesk-cli：无法从密钥环中删除 AppSecret：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>convdesk-cli: nothing was removed: the profile &quot;%1&quot; and its AppSecret are unchanged.</source>
        <translation>convdesk-cli：未删除任何内容：配置“%1”及其 AppSecret 保持不变。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>convdesk-cli: the profile &quot;%1&quot; is gone from the settings file, but its AppSecret is still in the keychain; add the profile again with --replace, then remove it.</source>
        <translation>convdesk-cli：配置“%1”已从设置文件中删除，但其 AppSecret 仍在密钥环中；请使用 --replace 重新添加该配置，然后再删除它。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Profile &quot;%1&quot; removed.</source>
        <translation>配置“%1”已删除。</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <location filename="../../app/core/profiles/ProfileStore.cpp" line="+116"/>
        <source>it has no region</source>
        <translation>它没有区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its region &quot;%1&quot; is unknown</source>
        <translation>其区域“%1”未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no AppKey</source>
        <translation>它没有 AppKey</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no base URL</source>
        <translation>它没有基础 URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file %1 is damaged: the profile &quot;%2&quot; cannot be used because %3. Remove the profile and add it again.</source>
        <translation>设置文件 %1 已损坏：配置“%2”无法使用，因为%3。请删除该配置后重新添加。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A profile named &quot;%1&quot; already exists; names that differ only in upper and lower case are not allowed.</source>
        <translation>已存在名为“%1”的配置；名称不能只有大小写不同。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The profile &quot;%1&quot; was not saved: %2</source>
        <translation>配置“%1”未保存：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The settings file %1 cannot be read or written; check its permissions and the free disk space.</source>
        <translation>无法读写设置文件 %1；请检查文件权限和磁盘剩余空间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file %1 is damaged. The profiles that could be read are listed; saving a profile rewrites the file with only those.</source>
        <translation>设置文件 %1 已损坏。下面列出的是能读出的配置；保存配置时，文件将只包含这些配置。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the settings file %1 cannot be written (no permission, a read-only location or a full disk).</source>
        <translation>无法写入设置文件 %1（没有权限、位置只读或磁盘已满）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the settings file %1 is damaged and could not be rewritten; move it away and try again.</source>
        <translation>设置文件 %1 已损坏且无法重写；请将其移走后重试。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter a profile name.</source>
        <translation>请输入配置名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile name consists only of spaces; enter a name.</source>
        <translation>配置名称只有空格；请输入名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile name is %1 characters long; at most %2 are allowed.</source>
        <translation>配置名称有 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile name &quot;%1&quot; contains a slash or backslash, which are not allowed.</source>
        <translation>配置名称“%1”中含有斜杠或反斜杠，这是不允许的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile name &quot;%1&quot; starts or ends with a space; remove it.</source>
        <translation>配置名称“%1”以空格开头或结尾；请删除该空格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile name contains a control character such as a line break.</source>
        <translation>配置名称中含有换行等控制字符。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the AppKey of the Yunxin application.</source>
        <translation>请输入云信应用的 AppKey。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The AppKey contains a space or line break; paste it without them.</source>
        <translation>AppKey 中含有空格或换行；请去掉后再粘贴。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A custom region needs a base URL such as https://api.example.com.</source>
        <translation>自定义区域需要基础 URL，例如 https://api.example.com。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup URL: %1</source>
        <translation>备用 URL：%1</translation>
    </message>
</context>
<context>
    <name>RateLimitRetry</name>
    <message numerus="yes">
        <location filename="../../app/cli/RateLimitRetry.cpp" line="+21"/>
        <source>convdesk-cli: still rate limited after %n retries; giving up on this conversation.</source>
        <translation>
            <numerusform>convdesk-cli：重试 %n 次后仍被限流；放弃此会话。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: rate limited by the server; trying again in %1 s (retry %2 of %3).</source>
        <translation>convdesk-cli：服务器限流；%1 秒后重试（第 %2 次，共 %3 次）。</translation>
    </message>
</context>
<context>
    <name>SandboxCertificate</name>
    <message>
        <location filename="../../app/sandbox/SandboxCertificate.cpp" line="+47"/>
        <source>The folder %1 for the sandbox&apos;s certificate cannot be created.</source>
        <translation>无法创建存放沙盒证书的文件夹 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serving https needs the openssl command to make a certificate; install OpenSSL (Debian: the openssl package).</source>
        <translation>提供 https 服务需要 openssl 命令来生成证书；请安装 OpenSSL（Debian：openssl 软件包）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>openssl could not make the sandbox&apos;s certificate: %1</source>
        <translation>openssl 无法生成沙盒证书：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>openssl made no readable certificate in %1.</source>
        <translation>openssl 未在 %1 中生成可读取的证书。</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <location filename="../../app/cli/commands/SandboxCommand.cpp" line="+15"/>
        <source>Run the built-in simulator of the API on 127.0.0.1 until stopped with Ctrl+C.</source>
        <translation>在 127.0.0.1 上运行内置的 API 模拟器（沙盒），按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port for the sandbox (default: any free port).</source>
        <translation>沙盒使用的端口（默认：任一空闲端口）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>port</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve https with a self-signed certificate (a profile trusts it with --ca-file).</source>
        <translation>使用自签名证书提供 https 服务（配置通过 --ca-file 信任它）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sandbox takes no arguments.</source>
        <translation>sandbox 不接受参数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--port must be a number from 0 to 65535.</source>
        <translation>--port 必须是 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>convdesk-cli: the sandbox cannot serve https: %1</source>
        <translation>convdesk-cli：沙盒无法提供 https 服务：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: the sandbox could not listen: %1</source>
        <translation>convdesk-cli：沙盒无法监听：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversation Desk sandbox listening on %1
AppKey:    %2
AppSecret: %3   (a public demo value, not a real secret)
Conversations: %4

Try:
  printf %s %3 | convdesk-cli profile add sandbox --endpoint %1 --app-key %2%6
  convdesk-cli get &apos;%5&apos; --profile sandbox
Stop with Ctrl+C.
</source>
        <translation>会话工作台沙盒正在监听 %1
AppKey:    %2
AppSecret: %3   （公开的演示值，不是真正的密钥）
会话：%4

试试：
  printf %s %3 | convdesk-cli profile add sandbox --endpoint %1 --app-key %2%6
  convdesk-cli get &apos;%5&apos; --profile sandbox
按 Ctrl+C 停止。
</translation>
    </message>
</context>
<context>
    <name>SandboxSchema</name>
    <message>
        <location filename="../../app/sandbox/SandboxSchema.cpp" line="+21"/>
        <source>The sandbox&apos;s sample schema could not be written to %1: %2</source>
        <translation>无法将沙盒的示例模式写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is missing from the program</source>
        <translation>程序中缺少该文件</translation>
    </message>
</context>
<context>
    <name>SchemaCheck</name>
    <message>
        <location filename="../../app/cli/SchemaCheck.cpp" line="+10"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
</context>
<context>
    <name>SchemaErrorText</name>
    <message>
        <location filename="../../app/core/schema/SchemaErrorText.cpp" line="+246"/>
        <source>a string</source>
        <translation>一个字符串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a boolean</source>
        <translation>一个布尔值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an array</source>
        <translation>一个数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>does not pass the schema (%1)</source>
        <translation>未通过模式校验（%1）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be %1 (it is %2)</source>
        <translation>必须是%1（当前是%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be exactly %1</source>
        <translation>必须正好是 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is required</source>
        <translation>是必填项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is not allowed: the schema allows no other keys</source>
        <translation>不允许：该模式不允许其他键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has more items than the schema allows</source>
        <translation>项数超过模式允许的数量</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must have at most %n item(s) (it has %1)</source>
        <translation>
            <numerusform>最多只能有 %n 项（当前有 %1 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must have at least %n item(s) (it has %1)</source>
        <translation>
            <numerusform>至少需要 %n 项（当前有 %1 项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not hold the same item twice (items %1 and %2 are equal)</source>
        <translation>不能包含重复项（第 %1 项与第 %2 项相同）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be less than %1</source>
        <translation>必须小于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be greater than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a multiple of %1</source>
        <translation>必须是 %1 的倍数</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must be at most %n character(s) (it has %1)</source>
        <translation>
            <numerusform>最多 %n 个字符（当前有 %1 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must be at least %n character(s) (it has %1)</source>
        <translation>
            <numerusform>至少 %n 个字符（当前有 %1 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must match the pattern %1</source>
        <translation>必须匹配模式 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not match the schema in &quot;not&quot;</source>
        <translation>不能匹配 &quot;not&quot; 中的模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must match exactly one of the schemas in &quot;oneOf&quot; (it matches more than one)</source>
        <translation>必须恰好匹配 &quot;oneOf&quot; 中的一个模式（当前匹配了多个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not allowed by the schema</source>
        <translation>模式不允许此项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not match all the schemas it must match</source>
        <translation>未匹配所有必须匹配的模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a key the schema does not allow</source>
        <translation>含有模式不允许的键</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>must match at least one of the schemas in &quot;anyOf&quot;</source>
        <translation>必须至少匹配 &quot;anyOf&quot; 中的一个模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must match at least one of the schemas in &quot;anyOf&quot;; the first one says: %1</source>
        <translation>必须至少匹配 &quot;anyOf&quot; 中的一个模式；第一个模式的要求：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must match exactly one of the schemas in &quot;oneOf&quot; (it matches none)</source>
        <translation>必须恰好匹配 &quot;oneOf&quot; 中的一个模式（当前一个都不匹配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must match exactly one of the schemas in &quot;oneOf&quot; (it matches none); the first one says: %1</source>
        <translation>必须恰好匹配 &quot;oneOf&quot; 中的一个模式（当前一个都不匹配）；第一个模式的要求：%1</translation>
    </message>
</context>
<context>
    <name>SchemaVerdict</name>
    <message>
        <location filename="../../app/core/schema/SchemaVerdict.cpp" line="+27"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
</context>
<context>
    <name>SetExtensionCommand</name>
    <message>
        <location filename="../../app/cli/commands/SetExtensionCommand.cpp" line="+24"/>
        <source>Replace the conversation&apos;s server_extension and print the conversation as JSON.
With --expect-current or --expect-file, only if the server still holds exactly that value
(else exit 6, and nothing is written).
Every attempt (success, failure or conflict) is recorded in the audit log
%1</source>
        <translation>替换会话的服务端扩展字段（server_extension），并以 JSON 输出会话。
使用 --expect-current 或 --expect-file 时，仅当服务端的值与之完全一致时才写入
（否则退出码为 6，且不写入任何内容）。
每次操作（成功、失败或冲突）都会记录在审计日志中：
%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--file, --stdin and --expect-file read at most 64 KiB of UTF-8 text; NUL characters are refused.
An empty new value clears the field and needs --allow-empty.</source>
        <translation>--file、--stdin 和 --expect-file 最多读取 64 KiB 的 UTF-8 文本；拒绝 NUL 字符。
空的新值会清空该字段，需要 --allow-empty。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instead of a whole new value, --set, --set-string and --unset edit keys of the JSON object the
server holds, in the order given; everything else keeps its exact text. The value read is the
guard: if it changes before the write, nothing is written (exit 6).</source>
        <translation>也可不提供完整的新值，而用 --set、--set-string 和 --unset 按给出的顺序编辑服务器上 JSON 对象的键；
其余部分保持原文不变。读取到的值即为保护条件：若写入前它已改变，则不写入任何内容（退出码 6）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A profile with an extension schema checks the new value (the result of key edits) against it
before the write: each error is printed as &quot;/pointer: message&quot; and nothing is sent (exit 2),
unless --no-schema-check, which sends it and records the check as skipped.</source>
        <translation>配置了扩展字段模式时，写入前会按模式校验新值（或按键编辑后的结果）：每个错误输出为
&quot;/pointer: message&quot;，且不发送任何内容（退出码 2）；--no-schema-check 会照常发送，
并在审计日志中将校验记为已跳过。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--reason is recorded with the attempt in the audit log and shown by &quot;history&quot;; a profile added
with --require-reason refuses a save without it (exit 2, nothing is sent).</source>
        <translation>--reason 会随这次尝试记入审计日志，并由 &quot;history&quot; 显示；用 --require-reason
添加的配置会拒绝没有原因的保存（退出码 2，不发送任何内容）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--ids-from FILE|- (one ID per line; blank lines and # comments skipped) saves each conversation
of the list the same way, one after another, each guarded and recorded on its own with the same
--reason, and prints one JSON line per ID instead of the conversation:
{&quot;id&quot;:…,&quot;outcome&quot;:…,&quot;code&quot;:…,&quot;trace_id&quot;:…,&quot;exit&quot;:…}, the outcome being saved, unchanged,
conflict, overwritten, failed, unknown or invalid. Code 416 (rate limited) before anything was
written is retried after a growing pause. On a terminal, standard error shows the progress. The
run ends with the most severe exit code of its conversations: 7, 5, 4, 6, 3, 2, then 0.</source>
        <translation>--ids-from FILE|-（每行一个 ID；跳过空行和 # 注释）以同样方式逐个保存列表中的每个会话，
每个会话各自受保护、各自记录，并使用同一个 --reason；每个 ID 输出一行 JSON，而不是会话本身：
{&quot;id&quot;:…,&quot;outcome&quot;:…,&quot;code&quot;:…,&quot;trace_id&quot;:…,&quot;exit&quot;:…}，outcome 为 saved、unchanged、
conflict、overwritten、failed、unknown 或 invalid。在写入任何内容之前遇到代码 416（限流）时，
会在逐渐加长的等待后重试。标准错误为终端时显示进度。运行以各会话中最严重的退出码
结束：7、5、4、6、3、2，最后是 0。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New server_extension text.</source>
        <translation>新的服务端扩展字段（server_extension）内容。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>text</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Read the new server_extension from a file.</source>
        <translation>从文件读取新的服务端扩展字段。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>path</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Read the new server_extension from standard input.</source>
        <translation>从标准输入读取新的服务端扩展字段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow an empty new value, which clears the server_extension (refused without it).</source>
        <translation>允许空的新值，即清空服务端扩展字段（不加此选项时拒绝）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write only if the server&apos;s server_extension is exactly this text.</source>
        <translation>仅当服务端的服务端扩展字段与此文本完全一致时才写入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write only if the server&apos;s server_extension is exactly this file&apos;s content.</source>
        <translation>仅当服务端的服务端扩展字段与此文件内容完全一致时才写入。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>set-extension: %1 of %2 done, %3 failed</source>
        <translation>set-extension：已完成 %1/%2，失败 %3 个</translation>
    </message>
    <message>
        <location filename="../../app/cli/ExtensionInput.cpp" line="+26"/>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the new server_extension is empty; to clear it, add --allow-empty.</source>
        <translation>新的服务端扩展字段为空；如需清空，请加上 --allow-empty。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the new server_extension has %1 characters; the server accepts at most %2.</source>
        <translation>新的服务端扩展字段有 %1 个字符；服务端最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+12"/>
        <source>give exactly one of --value TEXT, --file PATH or --stdin.</source>
        <translation>--value TEXT、--file PATH 和 --stdin 必须且只能指定其一。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give at most one of --expect-current TEXT or --expect-file PATH.</source>
        <translation>--expect-current TEXT 和 --expect-file PATH 最多只能指定其一。</translation>
    </message>
    <message>
        <location filename="../../app/cli/commands/SetExtensionCommand.cpp" line="-114"/>
        <source>Why this save is made (a ticket, a note), for the audit log.</source>
        <translation>这次保存的原因（工单、说明），记入审计日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send even if the value does not pass the profile&apos;s schema (recorded as &quot;skipped&quot;).</source>
        <translation>即使值未通过配置的模式校验也发送（记为 &quot;skipped&quot;）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--ids-from - and --stdin would both read standard input; give the value with --value or --file.</source>
        <translation>--ids-from - 和 --stdin 都会读取标准输入；请用 --value 或 --file 给出值。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the profile &quot;%1&quot; requires a reason for every save: add --reason TEXT (a ticket or a note). Nothing was sent.</source>
        <translation>配置“%1”要求每次保存都填写原因：请加上 --reason 文本（工单号或说明）。未发送任何内容。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>convdesk-cli: nothing was sent; --no-schema-check sends without the check.</source>
        <translation>convdesk-cli：未发送任何内容；使用 --no-schema-check 可跳过校验发送。</translation>
    </message>
    <message>
        <location filename="../../app/cli/ExtensionWriter.cpp" line="+134"/>
        <source>convdesk-cli: warning: this attempt could not be recorded in the audit log: %1</source>
        <translation>convdesk-cli：警告：本次操作未能记入审计日志：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>convdesk-cli: another save of this conversation is running (%1); waiting for it to finish…</source>
        <translation>convdesk-cli：此会话的另一次保存正在进行（%1）；正在等待其完成…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>convdesk-cli: nothing was written: the conversation could not be read just before writing.</source>
        <translation>convdesk-cli：未写入任何内容：写入前未能读取该会话。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+30"/>
        <source>convdesk-cli: %1</source>
        <translation>convdesk-cli：%1</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+64"/>
        <source>convdesk-cli: note: %1</source>
        <translation>convdesk-cli：注意：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: the outcome is unknown: %1 (trace id %2)</source>
        <translation>convdesk-cli：结果未知：%1（追踪 ID %2）</translation>
    </message>
    <message>
        <location filename="../../app/cli/commands/SetExtensionCommand.cpp" line="+63"/>
        <source>convdesk-cli: an earlier save of %1 (%2 UTC) was interrupted before its outcome was known; checked now: applied.</source>
        <translation>convdesk-cli：之前对 %1 的一次保存（%2 UTC）在得知结果前被中断；现已检查：已生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>convdesk-cli: an earlier save of %1 (%2 UTC) was interrupted before its outcome was known; checked now: not applied (the server holds another value).</source>
        <translation>convdesk-cli：之前对 %1 的一次保存（%2 UTC）在得知结果前被中断；现已检查：未生效（服务端保存的是另一个值）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>convdesk-cli: warning: %1</source>
        <translation>convdesk-cli：警告：%1</translation>
    </message>
    <message>
        <location filename="../../app/cli/ExtensionWriter.cpp" line="-69"/>
        <source>convdesk-cli: nothing was written: the server_extension of %1 cannot be edited by key: %2</source>
        <translation>convdesk-cli：未写入任何内容：%1 的 server_extension 无法按键编辑：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>convdesk-cli: nothing was written: after the edits the server_extension would have %1 characters; the server accepts at most %2.</source>
        <translation>convdesk-cli：未写入任何内容：编辑后 server_extension 将有 %1 个字符；服务器最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk-cli: the edits change nothing; nothing was written.</source>
        <translation>convdesk-cli：这些编辑没有改变任何内容；未写入。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>convdesk-cli: overwritten right after your save: your value was written, but the check right after it found another value on the server. (trace id %1)</source>
        <translation>convdesk-cli：保存后随即被覆盖：你的值已写入，但紧随其后的检查发现服务端是另一个值。（追踪 ID %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yours:
%1
On the server now:
%2</source>
        <translation>你的值：
%1
服务端当前的值：
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>convdesk-cli: not saved: the conversation&apos;s server_extension on the server is not the expected value (someone else changed it). Nothing was written. (trace id %1)</source>
        <translation>convdesk-cli：未保存：服务端上该会话的服务端扩展字段不是预期的值（已被他人修改）。未写入任何内容。（追踪 ID %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected:
%1
On the server now:
%2</source>
        <translation>预期的值：
%1
服务端当前的值：
%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To apply the edits to the server&apos;s value now, run the command again.</source>
        <translation>要将这些编辑应用到服务器当前的值，请再次运行该命令。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To write anyway, run again with --expect-current set to the server&apos;s value, or without --expect-*.</source>
        <translation>如仍要写入，请将 --expect-current 设为服务端当前的值后重新运行，或不带 --expect-* 运行。</translation>
    </message>
</context>
<context>
    <name>convdesk::AboutDialog</name>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="+46"/>
        <source>About Conversation Desk</source>
        <translation>关于会话工作台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conversation Desk</source>
        <translation>会话工作台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspect and edit NetEase Yunxin IM conversations.</source>
        <translation>查看和编辑网易云信 IM 会话。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt %1 (built with %2)
QtKeychain %3
Secrets are kept in: %4</source>
        <translation>Qt %1（编译时版本 %2）
QtKeychain %3
密钥保存在：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Released under the MIT License:</source>
        <translation>以 MIT 许可证发布：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy Version Information</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Conversation Desk %1
Qt %2 (built with %3), platform plugin %4
QtKeychain %5, secrets in: %6
%7 (%8)
</source>
        <translation>会话工作台（Conversation Desk）%1
Qt %2（编译时版本 %3），平台插件 %4
QtKeychain %5，密钥保存在：%6
%7（%8）
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret Service (GNOME Keyring or KWallet)</source>
        <translation>Secret Service（GNOME 密钥环或 KWallet）</translation>
    </message>
</context>
<context>
    <name>convdesk::AccountBrowser</name>
    <message>
        <location filename="../../ui/AccountBrowser.cpp" line="+34"/>
        <source>List</source>
        <translation>列出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acco&amp;unt:</source>
        <translation>账号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>account ID, e.g. support_demo</source>
        <translation>账号 ID，例如 support_demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the account</source>
        <translation>清除账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the account&apos;s conversations, newest first</source>
        <translation>列出该账号的会话，最新的在前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the next page of conversations</source>
        <translation>获取下一页会话</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Conversations of the account</source>
        <translation>该账号的会话</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Right-click to choose which columns show</source>
        <translation>右键单击列标题，选择要显示的列</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>Enter an account ID and press List.</source>
        <translation>请输入账号 ID，然后按“列出”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a profile, or choose one in the tool bar, to list conversations.</source>
        <translation>请添加配置，或在工具栏中选择一个配置，以列出会话。</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Cannot list: %1</source>
        <translation>无法列出：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot load more: the server repeated a page token or gave none.</source>
        <translation>无法加载更多：服务器重复了分页令牌或未提供令牌。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Listing the conversations of %1…</source>
        <translation>正在列出 %1 的会话…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading more conversations of %1…</source>
        <translation>正在加载 %1 的更多会话…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>code %1 (%2)</source>
        <translation>返回码 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listing failed: %1. %2</source>
        <translation>列出失败：%1。%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Listing failed: %1</source>
        <translation>列出失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n conversation(s) of %1 so far; more on the server.</source>
        <translation>
            <numerusform>已列出 %1 的 %n 个会话；服务端还有更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>All %n conversation(s) of %1.</source>
        <translation>
            <numerusform>%1 的全部 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversations of %1 listed: %2. No more can be loaded: %3</source>
        <translation>已列出 %1 的会话：%2。无法再加载更多：%3</translation>
    </message>
</context>
<context>
    <name>convdesk::ApiCall</name>
    <message>
        <location filename="../../app/core/api/ApiCall.cpp" line="+77"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
</context>
<context>
    <name>convdesk::ApiClient</name>
    <message>
        <location filename="../../app/core/api/ReplyClassifier.cpp" line="+70"/>
        <source>the server&apos;s certificate is not trusted: no certificate authority known to this computer or named in the profile signed it</source>
        <translation>服务端证书不受信任：签发它的证书颁发机构既不为本机所知，也不在配置指定的 CA 证书中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s certificate is not valid for the host name %1</source>
        <translation>服务端证书对主机名 %1 无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s certificate has expired or is not valid yet (is this computer&apos;s clock right?)</source>
        <translation>服务端证书已过期或尚未生效（本机时钟是否准确？）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s certificate was refused</source>
        <translation>服务端证书被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/core/api/ApiClient.cpp" line="+136"/>
        <source>No AppKey and AppSecret are set for this profile.</source>
        <translation>此配置没有设置 AppKey 和 AppSecret。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile has no server address.</source>
        <translation>此配置没有服务端地址。</translation>
    </message>
    <message>
        <location filename="../../app/core/api/ApiCall.cpp" line="+157"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>The response is larger than %1 MB and was refused.</source>
        <translation>响应超过 %1 MB，已拒收。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No complete answer within %1 seconds.</source>
        <translation>%1 秒内没有收到完整响应。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 closed the connection after the request was sent, without answering; it may or may not have applied the change.</source>
        <translation>%1 在请求发出后关闭了连接且未应答；更改可能已生效，也可能未生效。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No connection to %1 within %2 seconds.</source>
        <translation>%2 秒内未能连接到 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 sent nothing for %2 seconds.</source>
        <translation>%1 已有 %2 秒没有发送任何数据。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>HTTP %1 redirect to %2 was not followed: signed calls go only to the profile&apos;s own server.</source>
        <translation>未跟随 HTTP %1 重定向到 %2：签名请求只发往配置中的服务端。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection broke before the whole response arrived (%1).</source>
        <translation>连接在完整响应到达前中断（%1）。</translation>
    </message>
    <message>
        <location filename="../../app/core/api/ReplyClassifier.cpp" line="+25"/>
        <source>The server answered with an HTML page instead of JSON.</source>
        <translation>服务端返回的是 HTML 页面，而不是 JSON。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The response is not valid JSON (%1).</source>
        <translation>响应不是有效的 JSON（%1）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The response is JSON but has no integer &quot;code&quot; field.</source>
        <translation>响应是 JSON，但没有整数类型的 &quot;code&quot; 字段。</translation>
    </message>
</context>
<context>
    <name>convdesk::AttemptReconciler</name>
    <message>
        <location filename="../../app/core/session/AttemptReconciler.cpp" line="+153"/>
        <source>Checked later: applied. The save&apos;s process ended before its outcome was known; the value sent is on the server.</source>
        <translation>事后检查：已生效。该次保存的进程在得知结果前已结束；发送的值已在服务端。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked later: not applied. The save&apos;s process ended before its outcome was known; the server holds another value.</source>
        <translation>事后检查：未生效。该次保存的进程在得知结果前已结束；服务端保存的是另一个值。</translation>
    </message>
</context>
<context>
    <name>convdesk::AuditHistoryModel</name>
    <message>
        <location filename="../../app/core/models/AuditHistoryModel.cpp" line="+204"/>
        <source> UTC</source>
        <translation> UTC</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved, then overwritten</source>
        <translation>已保存，随后被覆盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict, not written</source>
        <translation>冲突，未写入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown (interrupted)</source>
        <translation>未知（已中断）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown (may have been written)</source>
        <translation>未知（可能已写入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied (interrupted)</source>
        <translation>未生效（已中断）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed before writing (%1)</source>
        <translation>写入前失败（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revert: %1</source>
        <translation>恢复：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unknown: the server could not be read before the write.</source>
        <translation>未知：写入前未能读取服务端的值。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value sent</source>
        <translation>发送的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace id</source>
        <translation>追踪 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS user</source>
        <translation>系统用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppKey</source>
        <translation>AppKey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>convdesk::CallStatusBar</name>
    <message>
        <location filename="../../ui/CallStatusBar.cpp" line="+24"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trace id of the last request (X-custom-traceid); quote it to the vendor&apos;s support</source>
        <translation>上一个请求的追踪 ID（X-custom-traceid）；联系云信技术支持时请提供</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Copy trace id</source>
        <translation>复制追踪 ID</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Copy the trace id of the last request</source>
        <translation>复制上一个请求的追踪 ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How long the last call took</source>
        <translation>上一个请求的耗时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request running</source>
        <translation>请求进行中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop waiting for the running request (Esc)</source>
        <translation>停止等待正在进行的请求（Esc）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: code %2 %3</source>
        <translation>%1：返回码 %2 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: code %2 (%3). %4</source>
        <translation>%1失败：返回码 %2（%3）。%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: %2. %3</source>
        <translation>%1失败：%2。%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>Trace id: %1</source>
        <translation>追踪 ID：%1</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Trace id copied.</source>
        <translation>已复制追踪 ID。</translation>
    </message>
</context>
<context>
    <name>convdesk::ConflictDialog</name>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="+28"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Same as loaded.</source>
        <translation>与加载时相同。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changed on the server — not saved</source>
        <translation>服务端已被修改 — 未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overwritten right after your save</source>
        <translation>保存后随即被覆盖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your save of the server extension of %1 was written, but the check right after it found another value: someone overwrote it right after your save. Compare the versions and choose how to go on.</source>
        <translation>你对 %1 的服务端扩展字段的保存已写入，但紧随其后的检查发现了另一个值：有人在你保存后随即覆盖了它。请比较各版本并选择如何继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone changed the server extension of %1 after you loaded it, so nothing was written. Compare the versions and choose how to go on.</source>
        <translation>在您加载之后，有人修改了 %1 的服务端扩展字段，因此未写入任何内容。请比较各个版本，再选择如何继续。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;As loaded</source>
        <translation>加载时的值(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;As you saved it</source>
        <translation>你保存的值(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Yours (not saved)</source>
        <translation>您的值（未保存）(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Now on the server</source>
        <translation>服务端当前的值(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;Yours&quot; and &quot;Now on the server&quot; show their changes against the value as loaded: - removed, + added.%1</source>
        <translation>“您的值”和“服务端当前的值”显示的是相对于加载时的值的更改：- 删除，+ 新增。%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON is compared pretty-printed.</source>
        <translation>JSON 按格式化后的形式比较。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked with trace id %1</source>
        <translation>检查请求的追踪 ID：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Overwrite server value</source>
        <translation>覆盖服务端的值(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your value; the server&apos;s current value is replaced.</source>
        <translation>写入您的值；服务端当前的值将被替换。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Take server value</source>
        <translation>采用服务端的值(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop your edit; the editor shows the server&apos;s current value.</source>
        <translation>放弃您的编辑；编辑器将显示服务端当前的值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send nothing and keep your text. The next Save compares with the server&apos;s current value and shows what it replaces.</source>
        <translation>不发送任何内容，保留您的文本。下次保存时将与服务端当前的值比较，并显示将被替换的内容。</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationAnswer</name>
    <message>
        <location filename="../../app/core/api/ConversationAnswer.cpp" line="+18"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the answer has no &quot;data&quot; (missing or null).</source>
        <translation>应答中没有 &quot;data&quot;（缺失或为 null）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;data&quot; is %1, not an object.</source>
        <translation>&quot;data&quot; 是%1，而不是对象。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the answer has no conversation_id; the conversation asked for was %1.</source>
        <translation>应答中没有 conversation_id；请求的会话是 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server answered with another conversation (%1) than the one asked for (%2).</source>
        <translation>服务器返回的是另一个会话（%1），而不是请求的会话（%2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server_extension is %1, not a string.</source>
        <translation>server_extension 是%1，而不是字符串。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;items&quot; is %1, not a list of conversations.</source>
        <translation>&quot;items&quot; 是%1，而不是会话列表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server says more pages follow (has_more) but gave no page token to ask for them.</source>
        <translation>服务器表示还有更多页（has_more），但没有给出获取它们的分页令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server repeated the page token &quot;%1&quot;; following it would read the same pages again forever.</source>
        <translation>服务器重复了分页令牌 &quot;%1&quot;；继续跟随会无休止地重复读取相同的页。</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationIdBuilder</name>
    <message>
        <location filename="../../ui/ConversationIdBuilder.cpp" line="+20"/>
        <source>&amp;Use this ID</source>
        <translation>使用此 ID(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>our side, e.g. acc1</source>
        <translation>己方账号，例如 acc1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Account ID:</source>
        <translation>账号 ID(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversation ID:</source>
        <translation>会话 ID：</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Team ID:</source>
        <translation>群 ID(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Peer account:</source>
        <translation>对方账号(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digits, e.g. 123456</source>
        <translation>数字，例如 123456</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the other account, e.g. acc2</source>
        <translation>对方账号，例如 acc2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationIdInput</name>
    <message>
        <location filename="../../ui/ConversationIdInput.cpp" line="+32"/>
        <source>account|type|target, e.g. acc1|1|acc2</source>
        <translation>账号|类型|目标，例如 acc1|1|acc2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the conversation ID</source>
        <translation>清除会话 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation ID</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversation to load: {account_id}|{type}|{target}. Type 1 is one-to-one, 2 an advanced team, 3 a super team.</source>
        <translation>要加载的会话：{account_id}|{type}|{target}。类型 1 为单聊，2 为高级群，3 为超大群。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Build…</source>
        <translation>构建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build a conversation ID from its account, type and target</source>
        <translation>由账号、类型和目标构建会话 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build conversation ID</source>
        <translation>构建会话 ID</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Build a conversation ID</source>
        <translation>构建会话 ID</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationListModel</name>
    <message>
        <location filename="../../app/core/models/ConversationListModel.cpp" line="+71"/>
        <source>The server&apos;s answer is not a page of conversations (no &quot;items&quot; list).</source>
        <translation>服务端的响应不是一页会话（没有 &quot;items&quot; 列表）。</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n item(s) of the page had no conversation_id and are not listed.</source>
        <translation>
            <numerusform>本页有 %n 项没有 conversation_id，未列出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>[recalled]</source>
        <translation>[已撤回]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>[message type %1]</source>
        <translation>[消息类型 %1]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>server_extension is empty</source>
        <translation>服务端扩展字段为空</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unread</source>
        <translation>未读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last message</source>
        <translation>最后一条消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationLock</name>
    <message>
        <location filename="../../app/core/session/ConversationLock.cpp" line="+51"/>
        <source>The folder %1 for save locks cannot be created.</source>
        <translation>无法创建用于保存锁的文件夹 %1。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>permission denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no space left on the disk</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it could not be written</source>
        <translation>无法写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The save lock %1 cannot be created (%2); nothing was sent.</source>
        <translation>无法创建保存锁 %1（%2）；未发送任何内容。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another save of this conversation (%1) is still running after %2 s; nothing was sent. Try again when it has finished.</source>
        <translation>此会话的另一次保存（%1）在 %2 秒后仍在进行；未发送任何内容。请在其完成后重试。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, process %2</source>
        <translation>%1，进程 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationPanel</name>
    <message>
        <location filename="../../ui/ConversationPanel.cpp" line="+88"/>
        <source>Filter keys and values (Ctrl+F)</source>
        <translation>筛选键和值（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the tree</source>
        <translation>筛选树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filtering… %p%</source>
        <translation>正在筛选… %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter progress</source>
        <translation>筛选进度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conversation loaded. Enter a conversation ID above and press Load (F5).</source>
        <translation>尚未加载会话。请在上方输入会话 ID，然后按“加载”（F5）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy subtree as &amp;JSON</source>
        <translation>以 JSON 复制子树(&amp;J)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Tree</source>
        <translation>树(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ra&amp;w JSON</source>
        <translation>原始 JSON(&amp;W)</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>Value copied.</source>
        <translation>已复制值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Path copied.</source>
        <translation>已复制路径。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subtree copied as JSON.</source>
        <translation>已将子树复制为 JSON。</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationSession</name>
    <message>
        <location filename="../../app/core/session/ConversationSession.cpp" line="+86"/>
        <source>Not saved: every save is recorded in the audit log, and it cannot be written. %1 Nothing was sent; your text is still in the editor.</source>
        <translation>未保存：每次保存都要记入审计日志，而审计日志无法写入。%1 未发送任何请求；您的文本仍保留在编辑器中。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A save is still running; wait for its answer or cancel it.</source>
        <translation>保存仍在进行；请等待其结果或取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A load is still running; wait for its answer or cancel it.</source>
        <translation>加载仍在进行；请等待其结果或取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a profile first.</source>
        <translation>请先选择配置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a conversation before saving.</source>
        <translation>请先加载会话再保存。</translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationTreeModel</name>
    <message>
        <location filename="../../app/core/models/ConversationTreeModel.cpp" line="+298"/>
        <source>%1 · edited</source>
        <comment>type of a value; the tooltip says it is not saved</comment>
        <translation>%1 · 已编辑</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/core/models/ConversationTreeModelEditing.cpp" line="+98"/>
        <source>Decoded from the JSON text of %1</source>
        <translation>解码自 %1 的 JSON 文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edited, not saved. Loaded value: %1</source>
        <translation>已编辑，未保存。加载的值：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edited, not saved: not in the loaded value</source>
        <translation>已编辑，未保存：加载的值中没有此项</translation>
    </message>
</context>
<context>
    <name>convdesk::CredentialTester</name>
    <message>
        <location filename="../../ui/CredentialTester.cpp" line="+54"/>
        <source>Test credentials</source>
        <translation>测试凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A conversation ID to fetch (account|type|target), or an account ID whose conversations to list:</source>
        <translation>要获取的会话 ID（账号|类型|目标），或要列出其会话的账号 ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test cancelled; nothing was sent.</source>
        <translation>测试已取消；未发送任何请求。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>GET %1</source>
        <translation>GET %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>list of %1</source>
        <translation>%1 的会话列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is neither a conversation ID nor an account ID; nothing was sent.</source>
        <translation>“%1”既不是会话 ID 也不是账号 ID；未发送任何请求。</translation>
    </message>
</context>
<context>
    <name>convdesk::CurlCopier</name>
    <message>
        <location filename="../../ui/CurlCopier.cpp" line="+53"/>
        <source>No request has been sent yet; load a conversation first.</source>
        <translation>尚未发送任何请求；请先加载会话。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signature of the last request (%1) has expired: the server accepts it for 5 minutes. Send the request again (Load), then copy it.</source>
        <translation>上一个请求（%1）的签名已过期：服务端只在 5 分钟内接受。请重新发送请求（加载）后再复制。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy with the live signature?</source>
        <translation>复制带实时签名的命令？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The command will carry the real Nonce, CurTime and CheckSum of %1. Until %2 (5 minutes after it was signed, about %n minute(s) from now), anyone who has the command can send this request again, as this app — a save would write its value once more.

The AppSecret is not in it. Copy it anyway?</source>
        <translation>
            <numerusform>该命令将包含 %1 的真实 Nonce、CurTime 和 CheckSum 签名。在 %2 之前（签名后 5 分钟，距现在约 %n 分钟），任何拿到该命令的人都能以本应用的身份再次发送此请求——如果是保存请求，会再次写入它的值。

命令中不含 AppSecret。仍要复制吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing copied.</source>
        <translation>未复制任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied %1 as a curl command with its live signature, valid until %2. Anyone with the command can replay the request until then.</source>
        <translation>已将 %1 复制为带实时签名的 curl 命令，有效期至 %2。在此之前，任何拿到该命令的人都能重放此请求。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied %1 as a curl command. Nonce, CurTime and CheckSum are placeholders; the comments in it say how to compute them.</source>
        <translation>已将 %1 复制为 curl 命令。Nonce、CurTime 和 CheckSum 为占位符；命令中的注释说明了如何计算。</translation>
    </message>
</context>
<context>
    <name>convdesk::EditSession</name>
    <message>
        <location filename="../../app/core/session/EditSession.cpp" line="+48"/>
        <source>Choose a profile first, or add one: Profiles… → Add…</source>
        <translation>请先选择配置，或添加一个：配置… → 添加…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>loading %1</source>
        <translation>加载 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the AppSecret from the keychain…</source>
        <translation>正在从密钥环读取 AppSecret…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Nothing to save: the server extension is as loaded.</source>
        <translation>无需保存：服务端扩展字段与加载时相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server extension is longer than %1 characters; shorten it to save.</source>
        <translation>服务端扩展字段超过 %1 个字符；请缩短后再保存。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save cancelled; nothing was sent.</source>
        <translation>已取消保存；未发送任何请求。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: this profile requires a reason for every save.</source>
        <translation>未保存：此配置要求每次保存都填写原因。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The edit was not applied: %1</source>
        <translation>未应用此编辑：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot revert: this attempt could not read the server first, so the value before it is unknown.</source>
        <translation>无法恢复：此次操作未能先读取服务端，因此原值未知。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot revert here: that save was made with the profile %1 (AppKey %2); choose that profile first.</source>
        <translation>无法在此恢复：那次保存使用的是配置 %1（AppKey %2）；请先选择该配置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot revert: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>reverting to the value from the history</source>
        <translation>恢复为历史记录中的值</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Revert to a value from the History</source>
        <translation>恢复为历史记录中的值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server extension already has that value; nothing to revert.</source>
        <translation>服务端扩展字段已经是该值；无需恢复。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Took the server&apos;s value, which replaced your save.</source>
        <translation>已采用服务端的值，它替换了你保存的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took the server&apos;s value; your edit was dropped. Nothing was written.</source>
        <translation>已采用服务端的值；您的编辑已放弃。未写入任何内容。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keep my edit after a conflict</source>
        <translation>冲突后保留我的编辑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your save of %1 was written, then overwritten right after it. Your text is still in the editor; the tree now shows the server&apos;s value, and the next Save shows what it would replace.</source>
        <translation>你对 %1 的保存已写入，随后即被覆盖。你的文本仍在编辑器中；树视图现在显示服务端的值，下次保存时会显示将被替换的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: someone changed the server extension of %1 while you were editing. Your text is still in the editor; the tree now shows the server&apos;s value, and the next Save shows what it would replace.</source>
        <translation>未保存：在您编辑期间，有人修改了 %1 的服务端扩展字段。您的文本仍保留在编辑器中；树中现在显示的是服务端的值，下次保存时会显示将被替换的内容。</translation>
    </message>
</context>
<context>
    <name>convdesk::ErrorText</name>
    <message>
        <location filename="../../app/core/api/ErrorText.cpp" line="+19"/>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation not allowed or no permission</source>
        <translation>操作不允许或没有权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>object not found</source>
        <translation>对象不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameter too long</source>
        <translation>参数过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client request timeout</source>
        <translation>客户端请求超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameter error</source>
        <translation>参数错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate limited</source>
        <translation>限流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeated operation</source>
        <translation>重复操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantity over the limit</source>
        <translation>数量超出上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeated HTTP request (same trace id)</source>
        <translation>重复的 HTTP 请求（追踪 ID 相同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server internal error</source>
        <translation>服务端内部错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server busy</source>
        <translation>服务端繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service unavailable</source>
        <translation>服务不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown code</source>
        <translation>未知返回码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile problem</source>
        <translation>配置问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS error</source>
        <translation>TLS 错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP error</source>
        <translation>HTTP 错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed response</source>
        <translation>响应格式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response too large</source>
        <translation>响应过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by the server</source>
        <translation>被服务端拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server rejected a parameter, or the signature (AppKey, AppSecret or this computer&apos;s clock); code 414 does not say which.</source>
        <translation>服务端拒绝了某个参数或签名（AppKey、AppSecret 或本机时钟）；代码 414 不说明是哪一种。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No such conversation: check the conversation ID (account|type|target).</source>
        <translation>会话不存在：请检查会话 ID（账号|类型|目标）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rate limited by the server: wait a moment, then try again.</source>
        <translation>被服务端限流：请稍候再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not allow this operation for this app.</source>
        <translation>服务端不允许此应用执行该操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not find the object.</source>
        <translation>服务端未找到该对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value is too long for the server (server_extension takes at most %1 characters).</source>
        <translation>某个值超出服务端允许的长度（服务端扩展字段最多 %1 个字符）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first attempt probably reached the server before its connection broke: reload the conversation to see whether the change was applied.</source>
        <translation>第一次尝试很可能在连接中断前已到达服务端：请重新加载会话，确认更改是否已生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server saw this trace id before with a different body; send the request again.</source>
        <translation>服务端此前收到过相同追踪 ID、但内容不同的请求；请重新发送请求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server had a problem (code %1, %2); try again later.</source>
        <translation>服务端出现问题（返回码 %1，%2）；请稍后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server answered code %1 (%2).</source>
        <translation>服务端返回码 %1（%2）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection broke after the request was sent: %1 Reload the conversation to see whether the change was applied.</source>
        <translation>请求发出后连接中断：%1 请重新加载会话，查看更改是否已生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not reach the server: check the network connection and the profile&apos;s region or address. (%1)</source>
        <translation>无法连接服务端：请检查网络连接以及配置中的区域或地址。（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not answer in time. It may be slow or unreachable; try again. (%1)</source>
        <translation>服务端未能及时响应，可能响应缓慢或无法访问；请重试。（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secure connection failed, so nothing was sent: %1</source>
        <translation>安全连接失败，未发送任何内容：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s gateway failed (%1); try again later.</source>
        <translation>服务端网关故障（%1）；请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an unexpected HTTP status: %1.</source>
        <translation>服务端返回了意外的 HTTP 状态码：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>无法解析服务端的响应：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled; nothing more will happen for this request.</source>
        <translation>已取消；此请求不会再有后续操作。</translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionEditor</name>
    <message>
        <location filename="../../ui/ExtensionEditor.cpp" line="+45"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat</source>
        <translation>格式化(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Com&amp;pact</source>
        <translation>压缩(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No server extension. Type free text or JSON.</source>
        <translation>没有服务端扩展字段。可输入任意文本或 JSON。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server extension</source>
        <translation>服务端扩展字段</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>For&amp;m</source>
        <translation>表单(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the JSON object key by key</source>
        <translation>逐个键编辑 JSON 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the value as text</source>
        <translation>以文本方式编辑该值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Length of the exact text Save sends, of the %1 characters the server accepts. Counted as the limit is applied: in UTF-16 code units, so most characters count 1 and emoji count 2.</source>
        <translation>“保存”将发送的确切文本的长度，服务器最多接受 %1 个字符。按限制的计算方式计数：以 UTF-16 码元计，大多数字符计 1，表情符号计 2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the exact text that Save would send</source>
        <translation>显示“保存”将发送的确切文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go back to the value as loaded from the server (Ctrl+Z takes this back)</source>
        <translation>回到从服务器加载时的值（Ctrl+Z 可撤销此操作）</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Pretty-print the JSON, keeping the order of its keys</source>
        <translation>格式化 JSON，保持键的顺序</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server extension:</source>
        <translation>服务端扩展字段：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Te&amp;xt</source>
        <translation>文本(&amp;X)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Write the JSON on one line, keeping the order of its keys</source>
        <translation>将 JSON 压缩为一行，保持键的顺序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review the change and send it to the server</source>
        <translation>确认更改并发送到服务端</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Format</source>
        <translation>格式化</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compact</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset to the loaded value</source>
        <translation>重置为加载时的值</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Text Save would send</source>
        <translation>“保存”将发送的文本</translation>
    </message>
    <message numerus="yes">
        <location line="-8"/>
        <source>Exactly these %n character(s) would be sent as server_extension:</source>
        <translation>
            <numerusform>以下 %n 个字符将原样作为 server_extension 发送：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid JSON (%1)</source>
        <translation>有效的 JSON（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid JSON at %1</source>
        <translation>JSON 无效，位置：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid JSON: %1</source>
        <translation>JSON 无效：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not JSON (plain text); server_extension accepts free text</source>
        <translation>不是 JSON（纯文本）；服务端扩展字段可以是任意文本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The form is not offered: %1</source>
        <translation>不提供表单：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The loaded value contains carriage returns or paragraph separators; they are shown as line breaks and an edited value is saved with &quot;\n&quot;.</source>
        <translation>加载的值中含有回车符或段落分隔符；它们显示为换行，编辑后的值将以 &quot;\n&quot; 保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 / %2 — too long</source>
        <translation>%1 / %2 — 过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionForm</name>
    <message>
        <location filename="../../ui/ExtensionForm.cpp" line="+46"/>
        <source>&amp;Add key</source>
        <translation>添加键(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add key</source>
        <translation>添加键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add item</source>
        <translation>添加项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add required fields</source>
        <translation>添加必填字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds the fields the team&apos;s schema requires, with their defaults</source>
        <translation>添加团队模式要求的字段，并填入默认值</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Move the key up (Ctrl+Up)</source>
        <translation>上移该键（Ctrl+↑）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the key down (Ctrl+Down)</source>
        <translation>下移该键（Ctrl+↓）</translation>
    </message>
    <message numerus="yes">
        <location line="+190"/>
        <source>Add re&amp;quired fields (%n)</source>
        <translation>
            <numerusform>添加必填字段 (%n)(&amp;Q)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The team&apos;s schema cannot be used: %1</source>
        <translation>无法使用团队的模式：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Another &amp;key</source>
        <translation>其他键(&amp;K)</translation>
    </message>
    <message>
        <location line="-325"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server extension form</source>
        <translation>服务器扩展字段表单</translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionFormDelegate</name>
    <message>
        <location filename="../../ui/ExtensionFormDelegate.cpp" line="+71"/>
        <source>Ctrl+Enter saves the text, Esc cancels.</source>
        <translation>按 Ctrl+Enter 保存文本，按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../ui/ExtensionFormDelegateSchema.cpp" line="+55"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 (not allowed)</source>
        <translation>%1（不允许）</translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionFormModel</name>
    <message>
        <location filename="../../app/core/models/ExtensionFormModel.cpp" line="+28"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The value is not valid JSON (line %1, column %2), so it can only be edited as text.</source>
        <translation>该值不是有效的 JSON（第 %1 行，第 %2 列），只能以文本方式编辑。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value is plain text, not JSON, so it can only be edited as text.</source>
        <translation>该值是纯文本而不是 JSON，只能以文本方式编辑。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The value is a JSON array, not an object, so it can only be edited as text.</source>
        <translation>该值是 JSON 数组而不是对象，只能以文本方式编辑。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value is a single JSON %1, not an object, so it can only be edited as text.</source>
        <translation>该值是单个 JSON %1 而不是对象，只能以文本方式编辑。</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>A key cannot be empty.</source>
        <translation>键不能为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This object already has a key named %1.</source>
        <translation>此对象已有名为 %1 的键。</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n 个键}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../app/core/models/ExtensionFormModelEdits.cpp" line="+18"/>
        <source>This object has the key %1 more than once, so the form cannot tell which one to edit. Edit it as text.</source>
        <translation>此对象中键 %1 出现了不止一次，表单无法确定要编辑哪一个。请以文本方式编辑。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The change cannot be made: %1</source>
        <translation>无法进行此更改：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <location filename="../../app/core/models/ExtensionFormModelSchema.cpp" line="+110"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add an item to %1</source>
        <translation>向 %1 添加一项</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove %n rows</source>
        <translation>
            <numerusform>删除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n rows</source>
        <translation>
            <numerusform>移动 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move %1 up</source>
        <translation>上移 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move %1 down</source>
        <translation>下移 %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change %1 to %2</source>
        <translation>将 %1 的类型改为 %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is not a whole number from -9223372036854775808 to 9223372036854775807.</source>
        <translation>%1 不是 -9223372036854775808 到 9223372036854775807 之间的整数。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a number as JSON writes one, such as 12, -3.5 or 1e6.</source>
        <translation>%1 不是 JSON 格式的数字（例如 12、-3.5 或 1e6）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/models/ExtensionFormModelSchema.cpp" line="+22"/>
        <source>Add %n required fields</source>
        <translation>
            <numerusform>添加 %n 个必填字段</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Required by the team&apos;s schema.</source>
        <translation>团队的模式要求填写此项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the team&apos;s schema.</source>
        <translation>不在团队的模式中。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · extra</source>
        <translation>%1 · 额外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · not allowed</source>
        <translation>%1 · 不允许</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team&apos;s schema does not describe this key.</source>
        <translation>团队的模式未描述此键。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team&apos;s schema allows no keys besides its own: remove this one or rename it.</source>
        <translation>团队的模式不允许其定义之外的键：请删除或重命名此键。</translation>
    </message>
</context>
<context>
    <name>convdesk::GuardedSave</name>
    <message>
        <location filename="../../app/core/session/GuardedSave.cpp" line="+104"/>
        <source>A save is already running.</source>
        <translation>已有保存正在进行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conversation to save.</source>
        <translation>没有可保存的会话。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved: every save is recorded in the audit log, and it cannot be written. %1</source>
        <translation>未保存：每次保存都要记入审计日志，而审计日志无法写入。%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The save was cancelled; nothing was sent.</source>
        <translation>保存已取消；未发送任何内容。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Its current server_extension is unknown.</source>
        <translation>其当前的服务端扩展字段未知。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not saved: the attempt could not be recorded in the audit log, so nothing was sent. %1</source>
        <translation>未保存：本次操作无法记入审计日志，因此未发送任何内容。%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The save was cancelled before it was sent.</source>
        <translation>保存在发送前已取消。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server&apos;s answer shows another server_extension than the one sent.</source>
        <translation>服务端应答中的服务端扩展字段与发送的值不同。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The server confirmed the save; the check right after it could not read the conversation.</source>
        <translation>服务端确认了保存；但紧随其后的检查未能读取该会话。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your save was written, then overwritten right after it: the server now holds another value.</source>
        <translation>你的保存已写入，随后即被覆盖：服务端现在是另一个值。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The answer to the save was lost or could not be trusted (%1); a re-read shows the value is on the server.</source>
        <translation>保存的应答丢失或不可信（%1）；重新读取显示该值已在服务端。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 A re-read shows the save was not applied; the server holds another value.</source>
        <translation>%1 重新读取显示保存未生效；服务端保存的是另一个值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 The save may have been written: the server&apos;s answer was lost and the conversation could not be read again to check. Load it before trying again.</source>
        <translation>%1 保存可能已写入：服务端的应答丢失，且无法重新读取会话进行检查。请先加载该会话再重试。</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>server_extension changed on the server since it was loaded; nothing was written.</source>
        <translation>自加载以来，服务端扩展字段已在服务端被修改；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>convdesk::HistoryDialog</name>
    <message>
        <location filename="../../ui/HistoryDialog.cpp" line="+47"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Outcome established by the server&apos;s answer.</source>
        <translation>结果依据：服务端的应答。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome established by a re-read after the answer was lost or could not be trusted.</source>
        <translation>结果依据：应答丢失或不可信后对服务端的重新读取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome established by a later check of an interrupted save.</source>
        <translation>结果依据：事后对一次中断的保存所做的检查。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome established by: %1</source>
        <translation>结果依据：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Open conversation</source>
        <translation>打开会话(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert to this value…</source>
        <translation>恢复为此值(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save history — Conversation Desk</source>
        <translation>保存历史记录 — 会话工作台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all conversations</source>
        <translation>所有会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the conversation filter</source>
        <translation>清除会话筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reason, ticket, value, message or trace id</source>
        <translation>原因、工单、值、消息或追踪 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All profiles</source>
        <translation>所有配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict, not written</source>
        <translation>冲突，未写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown (interrupted or may have been written)</source>
        <translation>未知（已中断，或可能已写入）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Con&amp;versation:</source>
        <translation>会话(&amp;V)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From (UTC):</source>
        <translation>从（UTC）(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Until:</source>
        <translation>到(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ou&amp;tcome:</source>
        <translation>结果(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save attempts</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a row to see its values in full.</source>
        <translation>选中一行可查看完整的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details of the selected attempt</source>
        <translation>所选记录的详情</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Load this row&apos;s conversation in the main window</source>
        <translation>在主窗口中加载此行的会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+239"/>
        <source>Put the value the server had before this save into the editor and save it, after the usual confirmation and check for other changes</source>
        <translation>将此次保存前服务端的值放入编辑器并保存（照常确认，并检查是否有其他更改）</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>%n line(s) of the audit log could not be read and are not shown:</source>
        <translation>
            <numerusform>审计日志中有 %n 行无法读取，未显示：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……还有 %n 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n save attempt(s).</source>
        <translation>
            <numerusform>共 %n 次保存操作。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n save attempt(s) match the filter.</source>
        <translation>
            <numerusform>%n 次保存操作中有 %1 次符合筛选条件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(unknown: the server could not be read before the write)</source>
        <translation>（未知：写入前未能读取服务端的值）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A revert: it restores the value from before the save of %1.</source>
        <translation>这是一次恢复：它恢复了 %1 那次保存之前的值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value before:
%1

Value sent:
%2</source>
        <translation>原值：
%1

发送的值：
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value on the server after the save:
%1</source>
        <translation>保存后服务端的值：
%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server message: %1</source>
        <translation>服务端消息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trace id: %1</source>
        <translation>追踪 ID：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (SHA-256 %2)</source>
        <translation>%1（SHA-256 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value passed the team&apos;s schema %1.</source>
        <translation>该值通过了团队的模式 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value was not checked against the team&apos;s schema %1.</source>
        <translation>该值未按团队的模式 %1 检查。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value did NOT pass the team&apos;s schema %1; it was saved anyway:
%2</source>
        <translation>该值未通过团队的模式 %1，但仍被保存：
%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This attempt could not read the server first, so the value before it is unknown.</source>
        <translation>此次操作未能先读取服务端，因此原值未知。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export history as CSV</source>
        <translation>将历史记录导出为 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export history as JSON</source>
        <translation>将历史记录导出为 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::Json</name>
    <message>
        <location filename="../../app/core/json/JsonDocument.cpp" line="+39"/>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the text is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the text contains a NUL character, which JSON does not allow</source>
        <translation>文本中含有 JSON 不允许的 NUL 字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nesting is %1 levels deep; at most %2 are accepted</source>
        <translation>嵌套深度为 %1 层；最多接受 %2 层</translation>
    </message>
</context>
<context>
    <name>convdesk::JsonParseMessage</name>
    <message>
        <location filename="../../app/core/json/JsonParseMessage.cpp" line="+18"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the end of the text</source>
        <translation>文本结尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string in double quotes</source>
        <translation>用双引号括起的字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a value (an object, an array, a string, a number, true, false or null)</source>
        <translation>一个值（对象、数组、字符串、数字、true、false 或 null）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a string has no closing quote</source>
        <translation>字符串缺少结尾的引号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string holds a line break or another control character; write it as \n or \uXXXX</source>
        <translation>字符串中含有换行符或其他控制字符；请写成 \n 或 \uXXXX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string has an unknown escape after a backslash</source>
        <translation>字符串中反斜杠后是未知的转义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string has an invalid \u escape</source>
        <translation>字符串中的 \u 转义无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string is not valid UTF-8</source>
        <translation>字符串不是有效的 UTF-8</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+36"/>
        <source>not valid JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>a digit after %1</source>
        <translation>%1 后面的数字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the text ends too early</source>
        <translation>文本提前结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected string</source>
        <translation>意外的字符串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected number</source>
        <translation>意外的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected %1</source>
        <translation>意外的 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a JSON value (text needs double quotes)</source>
        <translation>%1 不是 JSON 值（文本需要用双引号括起）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a valid number</source>
        <translation>%1 不是有效的数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1; expected %2</source>
        <translation>%1；应为%2</translation>
    </message>
</context>
<context>
    <name>convdesk::KeyChangesView</name>
    <message>
        <location filename="../../ui/KeyChangesView.cpp" line="+20"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain text (not JSON)</source>
        <translation>纯文本（非 JSON）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>type changes: %1 → %2</source>
        <translation>类型改变：%1 → %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only the order of keys changes; every key keeps its value.</source>
        <translation>只有键的顺序改变，每个键的值不变。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the formatting changes; every key keeps its value.</source>
        <translation>只有格式改变，每个键的值不变。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both values are empty.</source>
        <translation>两个值都为空。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No change.</source>
        <translation>没有改变。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value that is not JSON has no keys: the whole value is compared.</source>
        <translation>非 JSON 的值没有键：按整个值比较。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>修改 %1 个，新增 %2 个，删除 %3 个</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(the whole value)</source>
        <translation>（整个值）</translation>
    </message>
</context>
<context>
    <name>convdesk::KeychainSecretStore</name>
    <message>
        <location filename="../../app/core/secrets/KeychainSecretStore.cpp" line="+162"/>
        <source>The keychain is locked, so the AppSecret of the profile &quot;%1&quot; cannot be read or changed. Unlock it (log in to the desktop session, or use the keyring manager) and try again.</source>
        <translation>密钥环已锁定，无法读取或更改配置“%1”的 AppSecret。请解锁（登录桌面会话，或使用密钥环管理器）后重试。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keychain service did not answer within %1 s, so it is not known whether the AppSecret of the profile &quot;%2&quot; was read or changed. Try again; if this keeps happening, restart the keyring daemon or log in to the desktop session again.</source>
        <translation>钥匙串服务在 %1 秒内没有响应，因此无法确定配置“%2”的 AppSecret 是否已被读取或更改。请重试；如果问题持续出现，请重启密钥环守护进程，或重新登录桌面会话。</translation>
    </message>
</context>
<context>
    <name>convdesk::LanguageMenu</name>
    <message>
        <location filename="../../ui/LanguageMenu.cpp" line="+13"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;System default</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Language set to %1; it takes effect the next time Conversation Desk starts.</source>
        <translation>语言已设为%1；下次启动会话工作台时生效。</translation>
    </message>
</context>
<context>
    <name>convdesk::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="+27"/>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the conversation from the server (F5, Ctrl+R)</source>
        <translation>从服务端加载会话（F5、Ctrl+R）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save server extension…</source>
        <translation>保存服务端扩展字段(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel request</source>
        <translation>取消请求(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Filter tree</source>
        <translation>筛选树(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to conversation &amp;ID</source>
        <translation>转到会话 ID(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Build conversation ID…</source>
        <translation>构建会话 ID(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Manage profiles…</source>
        <translation>管理配置(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Conversation Desk</source>
        <translation>关于会话工作台(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every save attempt, from this app and the CLI (Ctrl+H)</source>
        <translation>每一次保存操作，包括本程序和命令行的（Ctrl+H）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy request as c&amp;URL</source>
        <translation>复制请求为 cURL(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last request as a curl command, with placeholders for the signature</source>
        <translation>将上一个请求复制为 curl 命令，签名用占位符表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy request as cURL with li&amp;ve signature…</source>
        <translation>复制请求为带实时签名的 cURL(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last request as a curl command with its real signature, valid for 5 minutes after it was sent</source>
        <translation>将上一个请求复制为带真实签名的 curl 命令，发送后 5 分钟内有效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy lin&amp;k</source>
        <translation>复制链接(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A convdesk:// link that opens this conversation in this profile, to paste into a ticket; it holds no secret</source>
        <translation>一个 convdesk:// 链接，可在此配置中打开此会话，便于粘贴到工单中；链接不含任何机密</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>E&amp;dit</source>
        <translation>编辑(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settin&amp;gs</source>
        <translation>设置(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/ConversationToolBar.cpp" line="+15"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Conversation &amp;ID:</source>
        <translation>会话 ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowWidgets.cpp" line="+51"/>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the request that failed again</source>
        <translation>重新发送失败的请求</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Account browser</source>
        <translation>账号会话浏览</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="-26"/>
        <source>&amp;Conversation</source>
        <translation>会话(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Account browser</source>
        <translation>账号会话浏览(&amp;A)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Profi&amp;les</source>
        <translation>配置(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/SessionReporter.cpp" line="+29"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking and saving the server extension of %1…</source>
        <translation>正在检查并保存 %1 的服务端扩展字段…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+87"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Loaded %1.</source>
        <translation>已加载 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for another save of this conversation to finish (%1)…</source>
        <translation>正在等待此会话的另一次保存完成（%1）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+77"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Saved. The server now holds your value.</source>
        <translation>已保存。服务器上现在是你的值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server returned only some fields; the others are shown as loaded.</source>
        <translation>服务端只返回了部分字段；其余字段显示的是加载时的值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save: the outcome is unknown; it may have been written.</source>
        <translation>保存：结果未知；可能已写入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: nothing was sent.</source>
        <translation>未保存：未发送任何内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The check before writing failed; nothing was written.</source>
        <translation>写入前的检查失败；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved, but overwritten right after your save: the server extension of %1 now holds another value.</source>
        <translation>已保存，但随即被覆盖：%1 的服务端扩展字段现在是另一个值。</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n earlier save(s) of this profile were interrupted before their outcome was known. Checked now: %1 applied, %2 not applied. History shows them.</source>
        <translation>
            <numerusform>此配置有 %n 次之前的保存在得知结果前被中断。现已检查：%1 次已生效，%2 次未生效。可在历史记录中查看。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+50"/>
        <source>This save attempt could not be recorded in the audit log: %1</source>
        <translation>本次保存操作未能记入审计日志：%1</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Not saved: the server extension of %1 changed on the server since it was loaded.</source>
        <translation>未保存：自加载以来，%1 的服务端扩展字段已在服务端被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowStart.cpp" line="+63"/>
        <source>Sandbox: this window talks to a local simulator at %1 with demo data. Nothing done here reaches a real app.</source>
        <translation>沙盒：此窗口连接的是 %1 上的本地模拟器，使用演示数据。这里的任何操作都不会影响真实应用。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The sandbox could not start: %1</source>
        <translation>沙盒无法启动：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The sample team schema is not available: %1</source>
        <translation>示例团队模式不可用：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting the sandbox…</source>
        <translation>正在启动沙盒…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+287"/>
        <location line="+17"/>
        <source>Cannot load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server extension of %1 has changes that are not saved. Save them before %2?</source>
        <translation>%1 的服务端扩展字段有未保存的更改。要在%2之前保存吗？</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/MainWindowActions.cpp" line="-68"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/MainWindowActions.cpp" line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conversation Desk</source>
        <translation>会话工作台</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>closing</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowLinks.cpp" line="+18"/>
        <source>Load a conversation first; then its link can be copied.</source>
        <translation>请先加载一个会话，然后才能复制它的链接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the link: %1</source>
        <translation>无法打开链接：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the link: it is for the profile &quot;%1&quot;, which does not exist here. Add it (Profiles… → Add…) with that app&apos;s AppKey, then open the link again.</source>
        <translation>无法打开链接：它属于配置“%1”，但本机没有该配置。请用该应用的 AppKey 添加它（配置… → 添加…），然后再次打开链接。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>opening %1 in the profile &quot;%2&quot;</source>
        <translation>在配置“%2”中打开 %1</translation>
    </message>
</context>
<context>
    <name>convdesk::MessageBanner</name>
    <message>
        <location filename="../../ui/MessageBanner.cpp" line="+45"/>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(code %1)</source>
        <translation>（返回码 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your edited text is still in the editor.</source>
        <translation>您编辑的内容仍保留在编辑器中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trace id: %1</source>
        <translation>追踪 ID：%1</translation>
    </message>
</context>
<context>
    <name>convdesk::ProfileDialog</name>
    <message>
        <location filename="../../ui/ProfileDialog.cpp" line="+60"/>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;quire a reason for every save</source>
        <translation>每次保存都要求填写原因(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test credentials</source>
        <translation>测试凭据(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Production</source>
        <translation>例如：正式环境</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unchanged — stored in the keychain</source>
        <translation>未更改 — 已保存在密钥环中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored in the keychain, never shown again</source>
        <translation>保存在密钥环中，不会再次显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: PEM or DER file, for a private deployment</source>
        <translation>可选：PEM 或 DER 文件，用于私有化部署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate authorities to trust besides the system&apos;s, for a server whose certificate an in-house CA signed. Certificate errors are never ignored.</source>
        <translation>除系统证书外额外信任的证书颁发机构，用于证书由内部 CA 签发的服务器。证书错误绝不会被忽略。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saves with this profile stay disabled until a reason (a ticket or a note) is entered; it is recorded in the audit log.</source>
        <translation>使用此配置保存时，须先填写原因（工单号或说明）才能保存；原因会记入审计日志。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backu&amp;p URL:</source>
        <translation>备用 URL(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App&amp;Key:</source>
        <translation>AppKey(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App&amp;Secret:</source>
        <translation>AppSecret(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;CA certificates:</source>
        <translation>CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server e&amp;xtension schema:</source>
        <translation>服务端扩展字段模式(&amp;X)：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overseas (Singapore)</source>
        <translation>海外（新加坡）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom URL</source>
        <translation>自定义 URL</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The secret is filed under this name in the keychain; to rename, add a new profile and remove this one.</source>
        <translation>密钥以此名称保存在密钥环中；如需改名，请添加一个新配置并删除此配置。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>已存在名为“%1”的配置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the AppSecret; it is kept in the system keychain.</source>
        <translation>请输入 AppSecret；它将保存在系统密钥环中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The AppSecret contains a space or line break; paste it without them.</source>
        <translation>AppSecret 中含有空格或换行；请去掉后再粘贴。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>CA certificates for this profile</source>
        <translation>此配置的 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Make one signed request with these values</source>
        <translation>用这些值发送一个签名请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing is not available here</source>
        <translation>此处无法测试</translation>
    </message>
</context>
<context>
    <name>convdesk::ProfileManagerDialog</name>
    <message>
        <location filename="../../ui/ProfileManagerDialog.cpp" line="+27"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Profiles:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileAdder.cpp" line="+34"/>
        <source>The profile &quot;%1&quot; was not added: its AppSecret could not be stored in the keychain. %2</source>
        <translation>配置“%1”未添加：其 AppSecret 无法保存到密钥环。%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile &quot;%1&quot; added.</source>
        <translation>配置“%1”已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileManagerDialog.cpp" line="+107"/>
        <source>The profile &quot;%1&quot; can no longer be read from the settings; remove it and add it again.</source>
        <translation>无法再从设置中读取配置“%1”；请删除后重新添加。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>配置“%1”已保存。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the profile &quot;%1&quot; and its AppSecret from the keychain?</source>
        <translation>要删除配置“%1”并从密钥环中删除其 AppSecret 吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile &quot;%1&quot; could not be removed from the settings file.</source>
        <translation>无法从设置文件中删除配置“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile &quot;%1&quot; removed.</source>
        <translation>配置“%1”已删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile &quot;%1&quot; removed, but its AppSecret could not be deleted from the keychain: %2</source>
        <translation>配置“%1”已删除，但其 AppSecret 无法从密钥环中删除：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profile &quot;%1&quot; saved, but its AppSecret could not be stored in the keychain: %2 You will be asked for it when connecting.</source>
        <translation>配置“%1”已保存，但其 AppSecret 无法保存到密钥环：%2 连接时会要求您输入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sandbox profile is built in: it exists while this window runs the simulator, and cannot be edited or removed.</source>
        <translation>沙盒配置为内置配置：仅在此窗口运行模拟器期间存在，无法编辑或删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sandbox (built in) — local simulator at %1, AppKey %2</source>
        <translation>沙盒（内置）— 本地模拟器 %1，AppKey %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — %2, AppKey %3</source>
        <translation>%1 — %2，AppKey %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — unreadable settings</source>
        <translation>%1 — 设置无法读取</translation>
    </message>
</context>
<context>
    <name>convdesk::ProfileSelector</name>
    <message>
        <location filename="../../ui/ProfileSelector.cpp" line="+23"/>
        <source>Profil&amp;e:</source>
        <translation>配置(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app (AppKey and region) that requests are signed for</source>
        <translation>请求签名所用的应用（AppKey 和区域）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No profile</source>
        <translation>无配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profiles…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, edit or remove connection profiles</source>
        <translation>添加、编辑或删除连接配置</translation>
    </message>
</context>
<context>
    <name>convdesk::ProfileSwitcher</name>
    <message>
        <location filename="../../ui/ProfileSwitcher.cpp" line="+32"/>
        <source>Sandbox (local simulator)</source>
        <translation>沙盒（本地模拟器）</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+152"/>
        <source>switching to the sandbox</source>
        <translation>切换到沙盒</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>switching to the profile &quot;%1&quot;</source>
        <translation>切换到配置“%1”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The profile &quot;%1&quot; can no longer be read from the settings.</source>
        <translation>无法再从设置中读取配置“%1”。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The AppSecret of the profile &quot;%1&quot; could not be read: %2</source>
        <translation>无法读取配置“%1”的 AppSecret：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>switching to the new profile &quot;%1&quot;</source>
        <translation>切换到新配置“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applying the changed profile &quot;%1&quot;</source>
        <translation>应用已修改的配置“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>switching profiles</source>
        <translation>切换配置</translation>
    </message>
</context>
<context>
    <name>convdesk::SandboxServer</name>
    <message>
        <location filename="../../app/sandbox/SandboxServer.cpp" line="+279"/>
        <source>The sandbox is already listening on port %1.</source>
        <translation>沙盒已在端口 %1 上监听。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The sandbox cannot listen on %1 port %2: %3</source>
        <translation>沙盒无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sandbox&apos;s HTTP layer did not take the socket on %1 port %2.</source>
        <translation>沙盒的 HTTP 层未接受 %1 端口 %2 上的套接字。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No PEM certificate could be read from %1.</source>
        <translation>无法从 %1 读取 PEM 证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The private key %1 cannot be read: %2</source>
        <translation>无法读取私钥 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds no unencrypted PEM private key (EC or RSA).</source>
        <translation>%1 中没有未加密的 PEM 私钥（EC 或 RSA）。</translation>
    </message>
</context>
<context>
    <name>convdesk::SaveConfirmDialog</name>
    <message>
        <location filename="../../ui/SaveConfirmDialog.cpp" line="+40"/>
        <source>Save server extension?</source>
        <translation>保存服务端扩展字段？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This replaces the conversation&apos;s server_extension on the server. Other clients see the new value at once.</source>
        <translation>此操作将替换服务端上该会话的服务端扩展字段（server_extension）。其他客户端会立即看到新值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (AppKey %2)</source>
        <translation>%1（AppKey %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversation:</source>
        <translation>会话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes by key</source>
        <translation>按键列出的改动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Changes (- removed, + added):</source>
        <translation>更改(&amp;C)（- 删除，+ 新增）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both values are JSON; they are compared pretty-printed, so the lines show which keys change. The value is sent exactly as edited.</source>
        <translation>两个值都是 JSON，按格式化后的形式逐行比较，可以看出哪些键有变化。发送的值与编辑的内容完全一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compared line by line as plain text.</source>
        <translation>按纯文本逐行比较。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>By &amp;key</source>
        <translation>逐键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line by line</source>
        <translation>逐行(&amp;L)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>I &amp;understand: the value will no longer be valid JSON</source>
        <translation>我明白(&amp;U)：该值将不再是有效的 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I &amp;understand: the value will no longer be a JSON object</source>
        <translation>我明白(&amp;U)：该值将不再是 JSON 对象</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clear the reason</source>
        <translation>清除原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required: a ticket number or a short note</source>
        <translation>必填：工单号或简短说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: a ticket number or a short note</source>
        <translation>选填：工单号或简短说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason / ticket:</source>
        <translation>原因 / 工单(&amp;R)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile &quot;%1&quot; requires a reason for every save; it is recorded in the audit log with the save. Save is available once you enter one.</source>
        <translation>配置“%1”要求每次保存都填写原因；原因会随保存记入审计日志。填写后才能保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Save to server</source>
        <translation>保存到服务端(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The team&apos;s schema cannot be used, so the value was not checked: %1</source>
        <translation>无法使用团队的模式，因此未检查该值：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value breaks the team&apos;s schema (%1):</source>
        <translation>该值不符合团队的模式（%1）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I know this value &amp;breaks the team&apos;s rules</source>
        <translation>我知道此值违反了团队的规则(&amp;B)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Warning: the new value starts like JSON but is not valid JSON, while the value on the server is. Apps that read this field as JSON will fail on it.</source>
        <translation>警告：新值看起来像 JSON，但不是有效的 JSON，而服务器上的值是有效的 JSON。按 JSON 读取此字段的应用会出错。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warning: the value on the server is a JSON object; the new value is not one (it is %1). Apps that read keys from this field will find none.</source>
        <translation>警告：服务器上的值是 JSON 对象，新值不是（它是%1）。从此字段读取键的应用将读不到任何键。</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Both values are empty.</source>
        <translation>两个值都为空。</translation>
    </message>
</context>
<context>
    <name>convdesk::SchemaFileField</name>
    <message>
        <location filename="../../ui/SchemaFileField.cpp" line="+19"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server extension schema file</source>
        <translation>服务端扩展字段模式文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: a JSON Schema (draft-07) file</source>
        <translation>可选：JSON Schema（draft-07）文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team&apos;s rules for server_extension. The file is read each time it is used, so a shared copy can be updated.</source>
        <translation>团队对 server_extension 的规则。每次使用时都会重新读取该文件，因此可以更新共享的副本。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Server extension schema for this profile</source>
        <translation>此配置的服务端扩展字段模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Schema (*.json);;All files (*)</source>
        <translation>JSON Schema (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Valid schema: %1</source>
        <translation>有效的模式：%1</translation>
    </message>
</context>
<context>
    <name>convdesk::SecretInput</name>
    <message>
        <location filename="../../app/cli/SecretInput.cpp" line="+17"/>
        <source>The AppSecret on standard input</source>
        <translation>标准输入中的 AppSecret</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AppSecret (input hidden): </source>
        <translation>AppSecret（输入不显示）：</translation>
    </message>
</context>
<context>
    <name>convdesk::SecretStore</name>
    <message>
        <location filename="../../app/core/secrets/SecretStore.cpp" line="+15"/>
        <source>no application event loop exists</source>
        <translation>没有应用程序事件循环</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No AppSecret is stored for the profile &quot;%1&quot;; enter it again.</source>
        <translation>没有为配置“%1”保存 AppSecret；请重新输入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain service is available (for example gnome-keyring or KWallet); the secret was not stored.</source>
        <translation>没有可用的密钥环服务（例如 gnome-keyring 或 KWallet）；密钥未保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain refused access; it may be locked. Unlock it and try again.</source>
        <translation>密钥环拒绝访问，可能已锁定。请解锁后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keychain refused access (%1); it may be locked. Unlock it and try again.</source>
        <translation>密钥环拒绝访问（%1），可能已锁定。请解锁后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain reported an error.</source>
        <translation>密钥环报告了错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keychain reported an error: %1</source>
        <translation>密钥环报告了错误：%1</translation>
    </message>
</context>
<context>
    <name>convdesk::SingleInstance</name>
    <message>
        <location filename="../../app/core/platform/SingleInstance.cpp" line="+101"/>
        <source>Another Conversation Desk window already opens the links.</source>
        <translation>已有另一个会话工作台窗口在负责打开链接。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Links cannot be passed to this window (%1): %2</source>
        <translation>无法将链接传给此窗口（%1）：%2</translation>
    </message>
</context>
<context>
    <name>convdesk::StaleViewMarker</name>
    <message>
        <location filename="../../ui/StaleViewMarker.cpp" line="+49"/>
        <source>Still showing %1, as loaded at %2: loading %3 failed.</source>
        <translation>仍在显示 %1（加载于 %2）：加载 %3 失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing %1, as loaded at %2. The ID box names %3: press Enter to load it.</source>
        <translation>正在显示 %1（加载于 %2）。ID 框中是 %3：按 Enter 加载它。</translation>
    </message>
</context>
<context>
    <name>convdesk::TranslationLoader</name>
    <message>
        <location filename="../../app/core/i18n/TranslationLoader.cpp" line="+98"/>
        <source>The language &quot;%1&quot; is not available; use one of: %2.</source>
        <translation>没有语言“%1”；可用的语言：%2。</translation>
    </message>
</context>
<context>
    <name>convdesk::WelcomePage</name>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="+28"/>
        <source>&amp;Add a profile…</source>
        <translation>添加配置(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Try the sandbox</source>
        <translation>试用沙盒(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome to Conversation Desk</source>
        <translation>欢迎使用会话工作台</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Look up a conversation of your NetEase Yunxin IM app, read its state at a glance and edit its server_extension safely: every save is reviewed key by key and recorded.</source>
        <translation>查找您的网易云信 IM 应用中的会话，一眼看清其状态，并安全地编辑其 server_extension：每次保存都会逐键审阅并记录在案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To begin, add a profile for your app (its AppKey and AppSecret), or try everything first on a simulator with demo conversations.</source>
        <translation>开始之前，请为您的应用添加一个配置（其 AppKey 和 AppSecret），或先在带有演示会话的模拟器上试用全部功能。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your app&apos;s AppKey, AppSecret and region (or server address)</source>
        <translation>输入应用的 AppKey、AppSecret 和区域（或服务器地址）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the sandbox</source>
        <translation>试用沙盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the built-in simulator on this computer (127.0.0.1) with demo conversations; nothing reaches a real app</source>
        <translation>在本机（127.0.0.1）启动内置模拟器并载入演示会话；任何操作都不会影响真实应用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your AppSecret is kept in the system keychain, %1, never in a file or a log.</source>
        <translation>您的 AppSecret 保存在系统密钥环（%1）中，绝不会写入文件或日志。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/dev/Screenshot.cpp" line="+25"/>
        <source>convdesk: no conversation was shown in time; no screenshot taken</source>
        <translation>convdesk：未能及时显示会话；未截图</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>convdesk: could not write %1</source>
        <translation>convdesk：无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main.cpp" line="+55"/>
        <source>Conversation Desk</source>
        <translation>会话工作台</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Look up a NetEase Yunxin IM conversation, inspect it and edit its server_extension.</source>
        <translation>查询网易云信 IM 会话，查看其内容并编辑其服务端扩展字段（server_extension）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Work against a built-in simulator on 127.0.0.1 with demo conversations; no account or network needed.</source>
        <translation>连接 127.0.0.1 上内置的模拟器（沙盒），使用演示会话；无需账号或网络。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Language of the interface: en or zh_CN (default: the Settings menu&apos;s choice, else the system&apos;s).</source>
        <translation>界面语言：en 或 zh_CN（默认：“设置”菜单中的选择，否则跟随系统）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A convdesk://open?profile=…&amp;id=… link to open; a window that is already running opens it instead.</source>
        <translation>要打开的 convdesk://open?profile=…&amp;id=… 链接；如果已有窗口在运行，则由该窗口打开。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>convdesk: unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>convdesk：意外的参数“%1”；请参阅 --help。</translation>
    </message>
</context>
</TS>
