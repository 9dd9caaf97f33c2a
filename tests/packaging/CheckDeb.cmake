# Builds the Debian package into a scratch folder and checks what it holds.
set(out "${BINARY_DIR}/packaging-test")
file(REMOVE_RECURSE "${out}")
execute_process(COMMAND ${CPACK} -G DEB -B "${out}" WORKING_DIRECTORY "${BINARY_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${log}")
endif()
file(GLOB debs "${out}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${out}, found ${count}")
endif()
execute_process(COMMAND ${DPKG_DEB} --contents ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
execute_process(COMMAND ${DPKG_DEB} --field ${debs} Package Version Depends OUTPUT_VARIABLE fields)
foreach(expected
    "./usr/bin/quorum-studio"
    "./usr/bin/quorumctl"
    "./usr/bin/quorumd"
    "./usr/share/applications/studio.quorum.QuorumStudio.desktop"
    "./usr/share/metainfo/studio.quorum.QuorumStudio.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/studio.quorum.QuorumStudio.svg"
    "./usr/share/quorum-studio/templates/production-ha.yaml")
  string(FIND "${contents}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "package lacks ${expected}; it holds:\n${contents}")
  endif()
endforeach()
foreach(dep "libqt6widgets6" "libyaml-cpp0.7" "libgrpc++1.51")
  string(FIND "${fields}" "${dep}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "package does not depend on ${dep}:\n${fields}")
  endif()
endforeach()
message(STATUS "package ${debs} is complete:\n${fields}")
