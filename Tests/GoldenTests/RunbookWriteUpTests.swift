import Foundation
import XCTest

/// The runbook for the Django app of Convox's own write-up (shared/reference/convox-django-migration.md) must
/// contain every step that write-up walks through by hand, in the same order.
final class RunbookWriteUpTests: XCTestCase {
    func testEveryStepOfTheWriteUpIsInTheRunbook() throws {
        let runbook = try String(
            contentsOf: GoldenTests.goldenRoot.appendingPathComponent("django-write-up-full/expected/MIGRATION.md"),
            encoding: .utf8)
        let steps = [
            "convox start", "convox switch local", "convox run release python manage.py migrate", "convox services",
            "convox racks", "convox switch <rack>", "convox apps create mysite --wait", "convox deploy -a mysite --wait",
            "convox run release python manage.py migrate -a mysite", "Do this twice", "overwrites the data",
            "heroku pg:backups:capture -a mysite",
            "heroku pg:backups:download -a mysite", "convox resources -a mysite",
            "convox resources proxy database -a mysite --port",
            "pg_restore --verbose --clean --no-acl --no-owner -h localhost", "TTL", "60 seconds", "convox certs generate www.mysite.example", "`domain:`",
            "python manage.py sendemails", "heroku maintenance:on -a mysite", "heroku ps:scale worker=0 -a mysite",
            "repeat step 3", "convox rack", "CNAME", "*/5 * * * ?",
        ]
        var position = runbook.startIndex
        for step in steps {
            guard let found = runbook.range(of: step, range: position..<runbook.endIndex) else {
                XCTFail("the runbook lacks, or has out of order, the write-up's step: \(step)")
                continue
            }
            position = found.upperBound
        }
    }
}
