# SPDX-License-Identifier: MIT
# The WASI platform for CMake 3.25, which does not know it (the toolchain file
# cmake/toolchains/wasm32-wasi.cmake puts this folder on CMAKE_MODULE_PATH).
include(Platform/UnixPaths)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
