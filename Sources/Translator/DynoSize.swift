/// Heroku dyno sizes and the memory and CPU they give (shared/research/heroku.md §5). Convox's `scale.memory` is
/// also the container's memory limit on generation 3, so a dyno's RAM maps to it directly.
public struct DynoSize: Sendable, Equatable {
    /// The canonical lower-case name (`standard-2x`).
    public var name: String
    /// RAM in MB.
    public var memory: Int
    /// Dedicated vCPUs; nil where Heroku gives a shared share. Each generation renders it in its own unit
    /// (`Scale.cpuMillicores`).
    public var virtualCPUs: Int?

    public init(name: String, memory: Int, virtualCPUs: Int? = nil) {
        self.name = name
        self.memory = memory
        self.virtualCPUs = virtualCPUs
    }

    static let table: [DynoSize] = [
        DynoSize(name: "eco", memory: 512), DynoSize(name: "basic", memory: 512),
        DynoSize(name: "standard-1x", memory: 512), DynoSize(name: "standard-2x", memory: 1024),
        DynoSize(name: "performance-m", memory: 2560, virtualCPUs: 2),
        DynoSize(name: "performance-l", memory: 14336, virtualCPUs: 8),
        DynoSize(name: "performance-l-ram", memory: 30720, virtualCPUs: 4),
        DynoSize(name: "performance-xl", memory: 63488, virtualCPUs: 8),
        DynoSize(name: "performance-2xl", memory: 129024, virtualCPUs: 16),
        DynoSize(name: "private-s", memory: 1024, virtualCPUs: 1),
        DynoSize(name: "private-m", memory: 2560, virtualCPUs: 2),
        DynoSize(name: "private-l", memory: 14336, virtualCPUs: 8),
        DynoSize(name: "private-l-ram", memory: 30720, virtualCPUs: 4),
        DynoSize(name: "private-xl", memory: 63488, virtualCPUs: 8),
        DynoSize(name: "private-2xl", memory: 129024, virtualCPUs: 16),
        DynoSize(name: "shield-s", memory: 1024, virtualCPUs: 1),
        DynoSize(name: "shield-m", memory: 2560, virtualCPUs: 2),
        DynoSize(name: "shield-l", memory: 14336, virtualCPUs: 8),
        DynoSize(name: "shield-l-ram", memory: 30720, virtualCPUs: 4),
        DynoSize(name: "shield-xl", memory: 63488, virtualCPUs: 8),
        DynoSize(name: "shield-2xl", memory: 129024, virtualCPUs: 16),
        // Legacy names (free and hobby were retired in 2022; 1X/2X/PX are the 2014 names).
        DynoSize(name: "free", memory: 512), DynoSize(name: "hobby", memory: 512),
        DynoSize(name: "1x", memory: 512), DynoSize(name: "2x", memory: 1024),
        DynoSize(name: "px", memory: 6144, virtualCPUs: 8),
    ]

    /// Looks up a size the way Heroku compares them: case-insensitively (`Standard-1X`, `Hobby`). Fir sizes
    /// `dyno-<N>c-<M>gb` are computed. Nil for an unknown size.
    public static func named(_ name: String) -> DynoSize? {
        let lowered = name.lowercased()
        if let known = table.first(where: { $0.name == lowered }) { return known }
        return firSize(lowered)
    }

    /// `dyno-2c-4gb` gives 2 vCPU and 4096 MB; `dyno-1c-0.5gb` gives 512 MB.
    static func firSize(_ name: String) -> DynoSize? {
        guard name.hasPrefix("dyno-"), name.hasSuffix("gb") else { return nil }
        let parts = name.dropFirst(5).dropLast(2).split(separator: "-")
        guard parts.count == 2, parts[0].hasSuffix("c"), let cores = Int(parts[0].dropLast()),
            let gigabytes = Double(parts[1]), (1...256).contains(cores), gigabytes > 0, gigabytes <= 1024
        else { return nil }
        return DynoSize(name: name, memory: Int((gigabytes * 1024).rounded()), virtualCPUs: cores)
    }
}
