# SPDX-License-Identifier: MIT
# Fault injection (tests/faults/): out-of-memory at every allocation of a
# lint + fix run and of an LSP transcript, and I/O failures of --fix
# (read-only file and folder, symlinks, a file changed between read and
# write, a full disk through RLIMIT_FSIZE).
set(_faults ${CMAKE_CURRENT_LIST_DIR}/faults)
if(NOT TARGET PkgConfig::FAULTS_CMOCKA)
  pkg_check_modules(FAULTS_CMOCKA REQUIRED IMPORTED_TARGET cmocka)
endif()

add_executable(test_faults_oom ${_faults}/test_oom.c)
target_link_libraries(test_faults_oom PRIVATE mfl_io mfl ${MFL_JANSSON_LIB} PkgConfig::FAULTS_CMOCKA)
if(TARGET mfl_lsp)
  target_link_libraries(test_faults_oom PRIVATE mfl_lsp)
  target_compile_definitions(test_faults_oom PRIVATE MFL_FAULTS_LSP)
endif()
target_compile_options(test_faults_oom PRIVATE ${MFL_WARNINGS})
# Knows when jansson is parsing (see in_json_load in test_oom.c) through the
# GNU linkers' --wrap. Apple's ld64 has none: the test then reports itself
# skipped (exit 77) with the reason, instead of failing the default build.
include(CheckLinkerFlag)
check_linker_flag(C "-Wl,--wrap=json_loadb" MFL_HAVE_LD_WRAP)
if(MFL_HAVE_LD_WRAP)
  target_link_options(test_faults_oom PRIVATE -Wl,--wrap=json_loadb)
else()
  target_compile_definitions(test_faults_oom PRIVATE MFL_FAULTS_NO_WRAP)
endif()
add_test(NAME faults.oom COMMAND test_faults_oom)
set_tests_properties(faults.oom PROPERTIES LABELS faults TIMEOUT 1200 SKIP_RETURN_CODE 77)

add_executable(test_faults_io ${_faults}/test_io.c)
target_link_libraries(test_faults_io PRIVATE mfl_io mfl ${MFL_JANSSON_LIB} PkgConfig::FAULTS_CMOCKA)
target_compile_options(test_faults_io PRIVATE ${MFL_WARNINGS})
add_test(NAME faults.io COMMAND test_faults_io)
set_tests_properties(faults.io PROPERTIES LABELS faults)

add_test(NAME faults.cli_io
  COMMAND bash ${_faults}/cli_io.sh ${MFL_RUN_LINT})
set_tests_properties(faults.cli_io PROPERTIES LABELS faults SKIP_RETURN_CODE 77)

# The CLI end-to-end cases under valgrind memcheck (skipped without valgrind).
# Not in a sanitizer build: valgrind cannot run ASan binaries.
if(NOT MFL_SANITIZE AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME valgrind.cli
    COMMAND bash ${PROJECT_SOURCE_DIR}/tools/valgrind-cli.sh $<TARGET_FILE:modelfile-lint> ${MFL_CORPUS_DIR})
  set_tests_properties(valgrind.cli PROPERTIES LABELS valgrind SKIP_RETURN_CODE 77 TIMEOUT 3000)
endif()

# The language server under hostile clients (skipped without python3).
if(TARGET modelfile-lsp)
  find_program(MFL_PYTHON3 python3)
  if(MFL_PYTHON3)
    add_test(NAME faults.lsp_stress
      COMMAND ${MFL_PYTHON3} ${_faults}/lsp_stress.py ${MFL_RUN_LSP})
    set_tests_properties(faults.lsp_stress PROPERTIES LABELS faults TIMEOUT 300)
  endif()
endif()
