<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RateLimitRetry</name>
    <message numerus="yes">
        <location filename="../../app/cli/RateLimitRetry.cpp" line="+21"/>
        <source>convdesk-cli: still rate limited after %n retries; giving up on this conversation.</source>
        <translation>
            <numerusform>convdesk-cli: still rate limited after %n retry; giving up on this conversation.</numerusform>
            <numerusform>convdesk-cli: still rate limited after %n retries; giving up on this conversation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaErrorText</name>
    <message numerus="yes">
        <location filename="../../app/core/schema/SchemaErrorText.cpp" line="+335"/>
        <source>must have at most %n item(s) (it has %1)</source>
        <translation>
            <numerusform>must have at most %n item (it has %1)</numerusform>
            <numerusform>must have at most %n items (it has %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must have at least %n item(s) (it has %1)</source>
        <translation>
            <numerusform>must have at least %n item (it has %1)</numerusform>
            <numerusform>must have at least %n items (it has %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>must be at most %n character(s) (it has %1)</source>
        <translation>
            <numerusform>must be at most %n character (it has %1)</numerusform>
            <numerusform>must be at most %n characters (it has %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>must be at least %n character(s) (it has %1)</source>
        <translation>
            <numerusform>must be at least %n character (it has %1)</numerusform>
            <numerusform>must be at least %n characters (it has %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::AccountBrowser</name>
    <message numerus="yes">
        <location filename="../../ui/AccountBrowser.cpp" line="+353"/>
        <source>%n conversation(s) of %1 so far; more on the server.</source>
        <translation>
            <numerusform>%n conversation of %1 so far; more on the server.</numerusform>
            <numerusform>%n conversations of %1 so far; more on the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>All %n conversation(s) of %1.</source>
        <translation>
            <numerusform>%n conversation of %1, the only one.</numerusform>
            <numerusform>All %n conversations of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::ConflictDialog</name>
    <message numerus="yes">
        <location filename="../../ui/ConflictDialog.cpp" line="+78"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::ConversationListModel</name>
    <message numerus="yes">
        <location filename="../../app/core/models/ConversationListModel.cpp" line="+115"/>
        <source>%n item(s) of the page had no conversation_id and are not listed.</source>
        <translation>
            <numerusform>%n item of the page had no conversation_id and is not listed.</numerusform>
            <numerusform>%n items of the page had no conversation_id and are not listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::CurlCopier</name>
    <message numerus="yes">
        <location filename="../../ui/CurlCopier.cpp" line="+67"/>
        <source>The command will carry the real Nonce, CurTime and CheckSum of %1. Until %2 (5 minutes after it was signed, about %n minute(s) from now), anyone who has the command can send this request again, as this app — a save would write its value once more.

The AppSecret is not in it. Copy it anyway?</source>
        <translation>
            <numerusform>The command will carry the real Nonce, CurTime and CheckSum of %1. Until %2 (5 minutes after it was signed, about %n minute from now), anyone who has the command can send this request again, as this app — a save would write its value once more.

The AppSecret is not in it. Copy it anyway?</numerusform>
            <numerusform>The command will carry the real Nonce, CurTime and CheckSum of %1. Until %2 (5 minutes after it was signed, about %n minutes from now), anyone who has the command can send this request again, as this app — a save would write its value once more.

The AppSecret is not in it. Copy it anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionEditor</name>
    <message numerus="yes">
        <location filename="../../ui/ExtensionEditor.cpp" line="+305"/>
        <source>Exactly these %n character(s) would be sent as server_extension:</source>
        <translation>
            <numerusform>Exactly these %n character would be sent as server_extension:</numerusform>
            <numerusform>Exactly these %n characters would be sent as server_extension:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionForm</name>
    <message numerus="yes">
        <location filename="../../ui/ExtensionForm.cpp" line="+311"/>
        <source>Add re&amp;quired fields (%n)</source>
        <translation>
            <numerusform>Add re&amp;quired fields (%n)</numerusform>
            <numerusform>Add re&amp;quired fields (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::ExtensionFormModel</name>
    <message numerus="yes">
        <location filename="../../app/core/models/ExtensionFormModel.cpp" line="+279"/>
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/models/ExtensionFormModelEdits.cpp" line="+112"/>
        <source>Remove %n rows</source>
        <translation>
            <numerusform>Remove %n row</numerusform>
            <numerusform>Remove %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Move %n rows</source>
        <translation>
            <numerusform>Move %n row</numerusform>
            <numerusform>Move %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/models/ExtensionFormModelSchema.cpp" line="+132"/>
        <source>Add %n required fields</source>
        <translation>
            <numerusform>Add %n required field</numerusform>
            <numerusform>Add %n required fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::HistoryDialog</name>
    <message numerus="yes">
        <location filename="../../ui/HistoryDialog.cpp" line="+292"/>
        <source>%n line(s) of the audit log could not be read and are not shown:</source>
        <translation>
            <numerusform>%n line of the audit log could not be read and is not shown:</numerusform>
            <numerusform>%n lines of the audit log could not be read and are not shown:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n save attempt(s).</source>
        <translation>
            <numerusform>%n save attempt.</numerusform>
            <numerusform>%n save attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n save attempt(s) match the filter.</source>
        <translation>
            <numerusform>%1 of %n save attempt matches the filter.</numerusform>
            <numerusform>%1 of %n save attempts match the filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>Exported %n record to %1.</numerusform>
            <numerusform>Exported %n records to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>convdesk::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/SessionReporter.cpp" line="+100"/>
        <source>%n earlier save(s) of this profile were interrupted before their outcome was known. Checked now: %1 applied, %2 not applied. History shows them.</source>
        <translation>
            <numerusform>%n earlier save of this profile was interrupted before its outcome was known. Checked now: %1 applied, %2 not applied. History shows it.</numerusform>
            <numerusform>%n earlier saves of this profile were interrupted before their outcome was known. Checked now: %1 applied, %2 not applied. History shows them.</numerusform>
        </translation>
    </message>
</context>
</TS>
