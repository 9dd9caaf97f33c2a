# The memory allocator of the programs we ship (quorumctl, quorumd, quorum-studio), their
# benchmarks and the tests: jemalloc (Debian's libjemalloc-dev) by default. The cluster engine
# makes and drops millions of small JSON nodes; with glibc's malloc a quarter of its CPU went to
# the allocator (docs/cluster-benchmarks.md, "jemalloc"). QUORUM_ALLOCATOR=system keeps glibc's.
# Sanitizer builds always use the system allocator (ASan brings its own).
set(QUORUM_ALLOCATOR "jemalloc" CACHE STRING "Memory allocator of the executables: jemalloc or system")
set_property(CACHE QUORUM_ALLOCATOR PROPERTY STRINGS jemalloc system)

add_library(quorum_allocator INTERFACE)
add_library(quorum::allocator ALIAS quorum_allocator)
if(QUORUM_ALLOCATOR STREQUAL "jemalloc" AND NOT QUORUM_SANITIZE)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
  # Linked as a shared library ahead of libc, jemalloc's malloc/free take the place of glibc's
  # for the whole process, every library in it included (tests/app/allocator checks this).
  target_link_libraries(quorum_allocator INTERFACE PkgConfig::JEMALLOC)
  target_compile_definitions(quorum_allocator INTERFACE QUORUM_ALLOCATOR_JEMALLOC=1)
elseif(NOT QUORUM_ALLOCATOR STREQUAL "system" AND NOT QUORUM_SANITIZE)
  message(FATAL_ERROR "QUORUM_ALLOCATOR must be jemalloc or system, not '${QUORUM_ALLOCATOR}'")
endif()
