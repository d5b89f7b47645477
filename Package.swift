// swift-tools-version:5.9
import PackageDescription

// No `dependencies:` on purpose: translate is built from the Swift toolchain alone.
let package = Package(
    name: "translate",
    products: [
        .executable(name: "translate", targets: ["translate"]),
    ],
    targets: [
        .target(name: "Translator"),
        .target(name: "Frontends", dependencies: ["Translator"]),
        .target(name: "Backends", dependencies: ["Translator"]),
        .executableTarget(name: "translate", dependencies: ["Translator", "Frontends", "Backends"]),
        .testTarget(name: "TranslatorTests", dependencies: ["Translator"]),
        .testTarget(name: "FrontendsTests", dependencies: ["Frontends", "Translator", "Backends"]),
        .testTarget(name: "BackendsTests", dependencies: ["Backends", "Translator"]),
        .testTarget(name: "GoldenTests", dependencies: ["translate", "Translator"]),
        .testTarget(name: "CLITests", dependencies: ["translate", "Translator", "Frontends", "Backends"]),
    ]
)
