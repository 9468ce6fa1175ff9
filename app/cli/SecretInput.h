#pragma once

#include <QString>

#include <cstdio>

namespace convdesk::SecretInput {

// Reads the AppSecret from standard input, never from argv. On a terminal it prompts on
// stderr with echo off; from a pipe it reads the first line. Trailing CR/LF are dropped.
QString read(FILE *in, FILE *prompt);

} // namespace convdesk::SecretInput
