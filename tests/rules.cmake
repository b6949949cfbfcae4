# SPDX-License-Identifier: MIT
# Unit tests for the PARAMETER table / value converters and the Go template
# checker (MF1xx, MF206-MF208). Included from tests/CMakeLists.txt.
if(NOT TARGET PkgConfig::CMOCKA)
  pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
endif()

foreach(t params gotmpl)
  add_executable(test_${t} ${CMAKE_CURRENT_LIST_DIR}/unit/test_${t}.c)
  target_link_libraries(test_${t} PRIVATE mfl_io mfl PkgConfig::CMOCKA)
  target_include_directories(test_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lint/src ${PROJECT_SOURCE_DIR}/grammar/src)
  target_compile_options(test_${t} PRIVATE -Wall -Wextra -Werror)
  add_test(NAME unit.${t} COMMAND test_${t})
endforeach()
