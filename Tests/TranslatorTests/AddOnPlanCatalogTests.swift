import Translator
import XCTest

final class AddOnPlanCatalogTests: XCTestCase {
    func testPlans() {
        // (service, plan, isProduction, isHighlyAvailable, storage, memory); nil production = unknown plan.
        let rows: [(String, String?, Bool?, Bool, Int?, Int?)] = [
            ("heroku-postgresql", nil, false, false, 1, nil),
            ("heroku-postgresql", "Essential-2", false, false, 32, nil),
            ("heroku-postgresql", "standard-0", true, false, 64, 4),
            ("heroku-postgresql", "premium-4", true, true, 768, 30),
            ("heroku-postgresql", "shield-9", true, true, 4096, 768),
            ("heroku-postgresql", "standard-1", nil, false, nil, nil),
            ("heroku-postgresql", "premium", nil, false, nil, nil),
            ("heroku-redis", nil, false, false, nil, 25),
            ("heroku-redis", "premium-5", true, true, nil, 1024),
            ("heroku-redis", "premium-4", nil, false, nil, nil),
            ("jawsdb", "kitefin", nil, false, nil, nil),
        ]
        for (service, plan, isProduction, isHighlyAvailable, storage, memory) in rows {
            let found = AddOnPlanCatalog.plan(service: service, plan: plan)
            let row = "row: \(service):\(plan ?? "-")"
            XCTAssertEqual(found?.isProduction, isProduction, row)
            guard let found else { continue }
            XCTAssertEqual(found.isHighlyAvailable, isHighlyAvailable, row)
            XCTAssertEqual(found.storage, storage, row)
            XCTAssertEqual(found.memory, memory, row)
        }
    }
}
