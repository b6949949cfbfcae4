# SPDX-License-Identifier: MIT
# Windows x86-64 with Debian's mingw-w64 (gcc-mingw-w64-x86-64); tests run
# under Wine (wine64). The libraries come from tools/deps.sh win64, which
# passes MFL_DEPS_PREFIX (built from Debian's source packages).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_AR x86_64-w64-mingw32-ar CACHE FILEPATH "")
set(CMAKE_RANLIB x86_64-w64-mingw32-ranlib CACHE FILEPATH "")
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 ${MFL_DEPS_PREFIX})
if(MFL_DEPS_PREFIX)
  set(ENV{PKG_CONFIG_LIBDIR} ${MFL_DEPS_PREFIX}/lib/pkgconfig)
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Self-contained programs: no libgcc, libwinpthread or other DLL to ship.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
if(NOT DEFINED CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(MFL_WINE NAMES wine64 wine)
  if(MFL_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${MFL_WINE})
  endif()
endif()
