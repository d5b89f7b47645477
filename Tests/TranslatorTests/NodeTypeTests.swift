import Translator
import XCTest

final class NodeTypeTests: XCTestCase {
    /// (dyno size, node type that holds it: nil when the default t3.small does).
    func testSmallestFittingNode() {
        let rows: [(String, String?)] = [
            ("standard-1x", nil), ("standard-2x", nil), ("private-s", nil), ("performance-m", "t3.xlarge"),
            ("dyno-1c-4gb", "t3.large"), ("performance-l", "m5.4xlarge"), ("performance-l-ram", "m5.4xlarge"),
            ("performance-2xl", "r5.8xlarge"),
        ]
        for (name, expected) in rows {
            guard let size = DynoSize.named(name) else { return XCTFail("row: \(name) is not a dyno size") }
            let millicores = size.virtualCPUs.map { $0 * 1000 }
            let fitsDefault = NodeType.rackDefault.fits(memory: size.memory, cpuMillicores: millicores)
            XCTAssertEqual(fitsDefault, expected == nil, "row: \(name)")
            if let expected {
                XCTAssertEqual(
                    NodeType.smallestFitting(memory: size.memory, cpuMillicores: millicores)?.name, expected,
                    "row: \(name)")
            }
        }
    }

    func testScaleCPUUnits() {
        let scale = Scale(cpuMillicores: 2000)
        XCTAssertEqual(scale.manifestCPU(for: .three), 2000)
        XCTAssertEqual(scale.manifestCPU(for: .two), 2048)
        XCTAssertNil(Scale().manifestCPU(for: .two))
    }
}
