import Translator
import XCTest

final class DynoSizeTests: XCTestCase {
    func testLookup() {
        let rows: [(String, Int?, Int?)] = [
            ("standard-1x", 512, nil), ("Standard-2X", 1024, nil), ("Hobby", 512, nil), ("PERFORMANCE-M", 2560, 2),
            ("performance-l", 14336, 8), ("2X", 1024, nil), ("dyno-2c-4gb", 4096, 2),
            ("dyno-1c-0.5gb", 512, 1), ("huge", nil, nil), ("dyno-xc-1gb", nil, nil),
        ]
        for (name, memory, cpu) in rows {
            let size = DynoSize.named(name)
            XCTAssertEqual(size?.memory, memory, "row: \(name)")
            XCTAssertEqual(size?.virtualCPUs, cpu, "row: \(name)")
        }
    }
}
