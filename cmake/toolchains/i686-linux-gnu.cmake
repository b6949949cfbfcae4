# SPDX-License-Identifier: MIT
# Linux 32-bit x86 with Debian's cross compiler (gcc-i686-linux-gnu, which,
# unlike gcc-multilib, can be installed beside gcc-aarch64-linux-gnu) and the
# i386 multiarch -dev packages (and libc6-dev:i386).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(CMAKE_C_COMPILER i686-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE i386-linux-gnu)
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/i386-linux-gnu/pkgconfig:/usr/share/pkgconfig)
# Many x86-64 kernels (containers, some VMs) are built without 32-bit
# support: run the programs under qemu-user like the arm64 ones.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-i386 -L /)
