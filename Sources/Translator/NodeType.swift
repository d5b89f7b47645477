/// EC2 instance types a rack's nodes can be, smallest first, to say which one a dyno size needs. Both generations
/// install on `t3.small` (2 GiB) unless told otherwise: convox/convox terraform/cluster/aws/variables.tf
/// `node_type`, convox/rack provider/aws/formation/rack.json `InstanceType`.
public struct NodeType: Sendable, Equatable {
    public var name: String
    public var virtualCPUs: Int
    /// RAM in MiB.
    public var memory: Int

    /// The type a rack gets when its installer is not told otherwise.
    public static let rackDefault = NodeType(name: "t3.small", virtualCPUs: 2, memory: 2048)

    static let candidates: [NodeType] = [
        rackDefault,
        NodeType(name: "t3.medium", virtualCPUs: 2, memory: 4096),
        NodeType(name: "t3.large", virtualCPUs: 2, memory: 8192),
        NodeType(name: "t3.xlarge", virtualCPUs: 4, memory: 16384),
        NodeType(name: "t3.2xlarge", virtualCPUs: 8, memory: 32768),
        NodeType(name: "m5.4xlarge", virtualCPUs: 16, memory: 65536),
        NodeType(name: "r5.4xlarge", virtualCPUs: 16, memory: 131072),
        NodeType(name: "r5.8xlarge", virtualCPUs: 32, memory: 262144),
        NodeType(name: "r5.16xlarge", virtualCPUs: 64, memory: 524288),
    ]

    /// True when a container reserving `memory` MB and `cpuMillicores` can be placed on one node. A node never
    /// offers all it has: the kubelet, the ECS agent and Convox's own pods keep a share, so a quarter of the
    /// memory and a tenth of the CPU are counted as taken.
    public func fits(memory requested: Int, cpuMillicores: Int?) -> Bool {
        requested * 4 <= memory * 3 && (cpuMillicores ?? 0) * 10 <= virtualCPUs * 1000 * 9
    }

    /// The smallest type that fits the request, nil when none in the table does.
    public static func smallestFitting(memory: Int, cpuMillicores: Int?) -> NodeType? {
        candidates.first { $0.fits(memory: memory, cpuMillicores: cpuMillicores) }
    }
}
