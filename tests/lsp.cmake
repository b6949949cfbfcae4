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
    add_executable(test_lsp_${_t} ${_lsp_tests}/test_${_t}.c)
    target_link_libraries(test_lsp_${_t} PRIVATE mfl_lsp PkgConfig::LSP_CMOCKA)
    target_compile_options(test_lsp_${_t} PRIVATE ${MFL_WARNINGS})
    add_test(NAME lsp.unit.${_t} COMMAND test_lsp_${_t})
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
  add_executable(lsp_transcript ${_lsp_tests}/transcript.c)
  target_link_libraries(lsp_transcript PRIVATE ${MFL_JANSSON_LIB})
  target_compile_options(lsp_transcript PRIVATE ${MFL_WARNINGS})
  set(_transcript $<TARGET_FILE:lsp_transcript>)
endif()

file(GLOB _lsp_cases CONFIGURE_DEPENDS ${_lsp_tests}/*.lsp)
if(NOT _transcript)
  set(_lsp_cases "")
endif()
foreach(_c ${_lsp_cases})
  get_filename_component(_n ${_c} NAME_WE)
  if(_n MATCHES "^file_")
    add_test(NAME lsp.transcript.${_n}
      COMMAND ${_transcript} --stdin-file ${MFL_RUN_LSP} ${_c})
  else()
    add_test(NAME lsp.transcript.${_n} COMMAND ${_transcript} ${MFL_RUN_LSP} ${_c})
  endif()
  # Transcripts name files under this folder (per-folder config), and the
  # model store is a fixture, whatever the machine has installed.
  set_tests_properties(lsp.transcript.${_n} PROPERTIES WORKING_DIRECTORY ${_lsp_tests}
    ENVIRONMENT "OLLAMA_MODELS=${_lsp_tests}/store")
endforeach()

# The Node client test installs its npm packages on first use (npm ci, into
# this build folder) and is skipped (77) when node or the registry is
# unavailable.
add_test(NAME lsp.node
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/lsp-node/run.sh ${MFL_RUN_LSP} ${CMAKE_CURRENT_BINARY_DIR}/lsp-node)
set_tests_properties(lsp.node PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  ENVIRONMENT "OLLAMA_MODELS=${_lsp_tests}/store")
