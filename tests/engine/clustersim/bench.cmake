# bench_cluster: wall-clock benchmarks of engine/clustersim (docs/cluster-benchmarks.md).
# Included from tests/engine/clustersim/CMakeLists.txt. Not a test: run it by hand on a
# Release build, e.g. `bench_cluster time-compression --runs 5`.
add_executable(bench_cluster ${CMAKE_CURRENT_LIST_DIR}/BenchCluster.cpp)
target_link_libraries(bench_cluster PRIVATE engine::clustersim engine::model quorum::allocator)
target_compile_definitions(bench_cluster PRIVATE QUORUM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
