// Compiled only so that CMake builds the tests' precompiled headers in one target, which
// every test reuses (tests/CMakeLists.txt); it holds no code of its own.
