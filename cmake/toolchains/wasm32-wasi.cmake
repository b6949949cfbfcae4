# SPDX-License-Identifier: MIT
# WebAssembly (WASI) with Debian's clang 14, wasi-libc, lld-14 and
# libclang-rt-14-dev-wasm32. tree-sitter and jansson come from
# tools/deps.sh wasm32-wasi (MFL_DEPS_PREFIX).
set(CMAKE_SYSTEM_NAME WASI)
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/..") # Platform/WASI.cmake
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
# Not -mbulk-memory nor -msimd128 for everything: with either, clang 14 stops
# compiling wasi-libc's thread-local errno (jansson's strconv.c). memcpy,
# memmove and memset use bulk memory from one file (lsp/wasi/bulkmem.c).
set(CMAKE_C_FLAGS_INIT "-fno-exceptions")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld")
set(CMAKE_FIND_ROOT_PATH ${MFL_DEPS_PREFIX})
if(MFL_DEPS_PREFIX)
  set(ENV{PKG_CONFIG_LIBDIR} ${MFL_DEPS_PREFIX}/lib/pkgconfig)
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Tests and scripts run the module under Node (wasm/run-wasi.mjs).
get_filename_component(_mfl_wasm_dir "${CMAKE_CURRENT_LIST_DIR}/../../wasm" ABSOLUTE)
set(CMAKE_CROSSCOMPILING_EMULATOR node --no-warnings ${_mfl_wasm_dir}/run-wasi.mjs)
