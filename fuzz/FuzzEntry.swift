// libFuzzer entry point. fuzz/run compiles this file together with Sources/Translator, Sources/Frontends,
// Sources/Backends and Sources/translate/FuzzDriver.swift as one module, without SwiftPM.
import Foundation

/// The target under test, from FUZZ_TARGET (a `Frontend.name`, `convox-yml` or `translate-yml`), or every target when unset.
private let selectedTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzDriver.run(target: selectedTarget, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
