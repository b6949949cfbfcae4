# SPDX-License-Identifier: MIT
# Linux arm64 with Debian's cross compiler (gcc-aarch64-linux-gnu) and the
# arm64 multiarch -dev packages (dpkg --add-architecture arm64); tests run
# under qemu-user with the arm64 libraries of the same root (-L /).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /)
