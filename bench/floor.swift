// The floor for benchmarks: an empty program that links Foundation, as translate does.
import Foundation

_ = ProcessInfo.processInfo.arguments.count
