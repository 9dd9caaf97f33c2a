# Warnings (and sanitizers) come from INTERFACE targets that every project target links,
# never from global flags, so third-party code is compiled as its authors intended.
add_library(quorum_warnings INTERFACE)
add_library(quorum::warnings ALIAS quorum_warnings)
target_compile_options(quorum_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
if(QUORUM_WARNINGS_AS_ERRORS)
  target_compile_options(quorum_warnings INTERFACE -Werror)
endif()

add_library(quorum_sanitizers INTERFACE)
add_library(quorum::sanitizers ALIAS quorum_sanitizers)
if(QUORUM_SANITIZE)
  target_compile_options(quorum_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(quorum_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# quorum_project_options: what every target of ours links.
add_library(quorum_project_options INTERFACE)
add_library(quorum::options ALIAS quorum_project_options)
target_link_libraries(quorum_project_options INTERFACE quorum_warnings quorum_sanitizers)
target_include_directories(quorum_project_options INTERFACE ${PROJECT_SOURCE_DIR})
