# SPDX-License-Identifier: MIT
# Fault injection (tests/faults/): out-of-memory at every allocation of a
# lint + fix run and of an LSP transcript, and I/O failures of --fix
# (read-only file and folder, symlinks, a file changed between read and
# write, a full disk through RLIMIT_FSIZE).
set(_faults ${CMAKE_CURRENT_LIST_DIR}/faults)

set(_oom_links ${MFL_TEST_LIBS})
set(_oom_defs "")
set(_oom_link_options "")
if(TARGET mfl_lsp)
  list(APPEND _oom_links mfl_lsp)
  list(APPEND _oom_defs MFL_FAULTS_LSP)
endif()
# Knows when jansson is parsing (see in_json_load in test_oom.c) through the
# GNU linkers' --wrap. Apple's ld64 has none: the test then reports itself
# skipped (exit 77) with the reason, instead of failing the default build.
include(CheckLinkerFlag)
check_linker_flag(C "-Wl,--wrap=json_loadb" MFL_HAVE_LD_WRAP)
if(MFL_HAVE_LD_WRAP)
  set(_oom_link_options -Wl,--wrap=json_loadb)
else()
  list(APPEND _oom_defs MFL_FAULTS_NO_WRAP)
endif()
mfl_test(faults oom PROGRAM test_faults_oom SOURCES ${_faults}/test_oom.c LINK ${_oom_links}
  DEFINES ${_oom_defs} LINK_OPTIONS ${_oom_link_options} TIMEOUT 1200 SKIP_77)
mfl_test(faults io PROGRAM test_faults_io SOURCES ${_faults}/test_io.c LINK ${MFL_TEST_LIBS})
mfl_test(faults cli_io COMMAND bash ${_faults}/cli_io.sh ${MFL_RUN_LINT} SKIP_77)

# The CLI end-to-end cases under valgrind memcheck (skipped without valgrind).
# Not in a sanitizer build: valgrind cannot run ASan binaries.
if(NOT MFL_SANITIZE AND NOT CMAKE_CROSSCOMPILING)
  mfl_test(valgrind cli
    COMMAND bash ${PROJECT_SOURCE_DIR}/tools/valgrind-cli.sh $<TARGET_FILE:modelfile-lint> ${MFL_CORPUS_DIR}
    SKIP_77 TIMEOUT 3000)
endif()

# The language server under hostile clients (skipped without python3).
if(TARGET modelfile-lsp)
  find_program(MFL_PYTHON3 python3)
  if(MFL_PYTHON3)
    mfl_test(faults lsp_stress COMMAND ${MFL_PYTHON3} ${_faults}/lsp_stress.py ${MFL_RUN_LSP}
      TIMEOUT 300)
  endif()
endif()
