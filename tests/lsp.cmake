# SPDX-License-Identifier: MIT
# Language-server tests: cmocka unit tests (framing, positions), transcript
# tests (tests/lsp/*.lsp against modelfile-lsp), and the Node test that
# drives the server with VS Code's own protocol libraries.
set(_lsp_tests ${CMAKE_CURRENT_LIST_DIR}/lsp)

if(NOT CMAKE_SYSTEM_NAME STREQUAL "WASI") # no cmocka for WebAssembly
  if(NOT TARGET PkgConfig::LSP_CMOCKA)
    pkg_check_modules(LSP_CMOCKA REQUIRED IMPORTED_TARGET cmocka)
  endif()
  foreach(_t transport convert)
    mfl_test(lsp unit.${_t} PROGRAM test_lsp_${_t} SOURCES ${_lsp_tests}/test_${_t}.c
      LINK mfl_lsp PkgConfig::LSP_CMOCKA)
  endforeach()
endif()

# The transcript runner is a tool of the build machine: a cross build (arm64,
# Windows, WebAssembly) uses the native build's, MFL_HOST_TRANSCRIPT.
if(CMAKE_CROSSCOMPILING)
  set(MFL_HOST_TRANSCRIPT "" CACHE FILEPATH "lsp_transcript of a native build (cross builds)")
  set(_transcript ${MFL_HOST_TRANSCRIPT})
  if(NOT _transcript)
    message(STATUS "lsp transcripts: no MFL_HOST_TRANSCRIPT given, not run in this cross build")
  endif()
else()
  mfl_test_program(lsp_transcript SOURCES ${_lsp_tests}/transcript.c LINK ${MFL_JANSSON_LIB}
    NO_INTERNAL)
  set(_transcript $<TARGET_FILE:lsp_transcript>)
endif()

file(GLOB _lsp_cases CONFIGURE_DEPENDS ${_lsp_tests}/*.lsp)
if(NOT _transcript)
  set(_lsp_cases "")
endif()
# Transcripts name files under this folder (per-folder config), and the
# model store is a fixture, whatever the machine has installed.
# Under Wine the Unix root is drive Z:, so a Windows server names the
# transcript's /tmp files file:///Z:/tmp/...; the runner maps that back.
set(_lsp_env "OLLAMA_MODELS=${_lsp_tests}/store")
if(WIN32)
  list(APPEND _lsp_env "MFL_TRANSCRIPT_UNIX_DRIVE=Z:")
endif()
foreach(_c ${_lsp_cases})
  get_filename_component(_n ${_c} NAME_WE)
  set(_stdin "")
  if(_n MATCHES "^file_")
    set(_stdin --stdin-file)
  endif()
  mfl_test(lsp transcript.${_n} COMMAND ${_transcript} ${_stdin} ${MFL_RUN_LSP} ${_c}
    WORKING_DIRECTORY ${_lsp_tests} ENV ${_lsp_env})
endforeach()

# The Node client test installs its npm packages on first use (npm ci, into
# this build folder) and is skipped (77) when node or the registry is
# unavailable.
mfl_test(lsp node
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/lsp-node/run.sh ${MFL_RUN_LSP} ${CMAKE_CURRENT_BINARY_DIR}/lsp-node
  SKIP_77 TIMEOUT 300 ENV "OLLAMA_MODELS=${_lsp_tests}/store")
