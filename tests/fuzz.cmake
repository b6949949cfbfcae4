# SPDX-License-Identifier: MIT
# Fuzz targets (fuzz/fuzz_*.c). Every build links each target with
# fuzz/replay.c, a plain main() that feeds the committed corpus
# fuzz/corpus/<target>/ to it, so ctest replays the corpus without libFuzzer
# (tests fuzz.replay.<target>). With -DMFL_FUZZ=ON and clang (see fuzz/run.sh)
# the same sources are also linked against libFuzzer as fuzz_<target>.
set(_fuzz_dir ${PROJECT_SOURCE_DIR}/fuzz)
set(_fuzz_targets lint gguf manifest frontends)
if(TARGET mfl_lsp AND NOT WIN32) # the session fuzzer reads its output file back with POSIX calls
  list(APPEND _fuzz_targets lsp)
endif()

foreach(_t ${_fuzz_targets})
  if(NOT EXISTS ${_fuzz_dir}/fuzz_${_t}.c)
    continue()
  endif()
  set(_links mfl_io mfl ${MFL_JANSSON_LIB})
  if(_t STREQUAL "lsp")
    set(_links mfl_lsp)
  elseif(_t STREQUAL "frontends")
    set(_links mfl_testcommon mfl)
  endif()
  mfl_test(fuzz replay.${_t} PROGRAM fuzz_replay_${_t}
    SOURCES ${_fuzz_dir}/replay.c ${_fuzz_dir}/fuzz_${_t}.c LINK ${_links}
    ARGS ${_fuzz_dir}/corpus/${_t} TIMEOUT 600)
  target_include_directories(fuzz_replay_${_t} PRIVATE ${_fuzz_dir})

  if(MFL_FUZZ)
    mfl_test_program(fuzz_${_t} SOURCES ${_fuzz_dir}/fuzz_${_t}.c LINK ${_links}
      LINK_OPTIONS -fsanitize=fuzzer)
    target_include_directories(fuzz_${_t} PRIVATE ${_fuzz_dir})
    target_compile_options(fuzz_${_t} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()
