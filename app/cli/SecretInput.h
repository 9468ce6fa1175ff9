#pragma once

#include <QString>

#include <cstdio>
#include <optional>

namespace convdesk::SecretInput {

// Reads the AppSecret from standard input, never from argv. On a terminal it prompts on
// stderr with echo off; from a pipe it reads the first line. Trailing CR/LF are dropped.
// At most BoundedInput::MaxSecretBytes are read; a longer line, a NUL character or text
// that is not UTF-8 gives nullopt with a sentence in *problem.
std::optional<QString> read(FILE *in, FILE *prompt, QString *problem);

} // namespace convdesk::SecretInput
