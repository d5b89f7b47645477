import Foundation
import XCTest

@testable import translate

/// Every input the fuzzer ever crashed on (`fuzz/regressions/<target>-<n>`, see FUZZING.md) goes through the same
/// steps as `fuzz/FuzzEntry.swift`: the frontend, the mapping rules and every backend. Reaching the end is the test;
/// a trap fails the whole run, which is what a regression would do.
final class FuzzRegressionTests: XCTestCase {
    static let regressionsRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions")

    func testEveryRegressionInputRunsThrough() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.regressionsRoot.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        XCTAssertFalse(names.isEmpty, "no regression inputs in \(Self.regressionsRoot.path)")
        let targets = FuzzDriver.targets
        for name in names {
            let target = String(name[..<(name.lastIndex(of: "-") ?? name.endIndex)])
            XCTAssertTrue(targets.contains(target), "\(name): no fuzz target \"\(target)\" (known: \(targets))")
            let bytes = try Array(Data(contentsOf: Self.regressionsRoot.appendingPathComponent(name)))
            FuzzDriver.run(target: target, bytes)
        }
    }
}
