import Foundation

/// Monotonic nanoseconds.
func now() -> UInt64 {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

/// Results fold into this so that the optimizer cannot drop the work measured.
nonisolated(unsafe) var sink = 0

@inline(never) func consume(_ value: Int) { sink &+= value }

/// Summary of a list of samples (seconds or milliseconds, whatever was put in).
struct Stats {
  var samples: [Double]

  var sorted: [Double] { samples.sorted() }
  var median: Double { percentile(50) }
  var p99: Double { percentile(99) }
  var min: Double { samples.min() ?? .nan }
  var max: Double { samples.max() ?? .nan }
  var mean: Double { samples.isEmpty ? .nan : samples.reduce(0, +) / Double(samples.count) }

  /// Nearest-rank percentile.
  func percentile(_ p: Double) -> Double {
    let s = sorted
    guard !s.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(s.count)).rounded(.up))
    return s[Swift.max(0, Swift.min(s.count - 1, rank - 1))]
  }
}

/// How long to keep repeating a measurement.
struct RepeatPolicy {
  var minSeconds: Double
  var minRuns: Int
  var maxRuns: Int
  var warmUp: Bool
}

/// Runs `body` until the policy is satisfied; returns each run's seconds.
func repeatTimed(_ policy: RepeatPolicy, _ body: () -> Void) -> [Double] {
  if policy.warmUp { body() }
  var samples: [Double] = []
  var total = 0.0
  while samples.count < policy.maxRuns && (samples.count < policy.minRuns || total < policy.minSeconds) {
    let start = now()
    body()
    let elapsed = seconds(since: start)
    samples.append(elapsed)
    total += elapsed
  }
  return samples
}

/// `VmHWM` and `VmRSS` of a process, in bytes, from `/proc/PID/status`.
func processMemory(_ pid: String = "self") -> (rss: Int, peak: Int)? {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
  func field(_ name: String) -> Int? {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
    let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
    return Int(digits).map { $0 * 1024 }
  }
  guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return nil }
  return (rss, peak)
}

func mb(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }

func format(_ value: Double, _ digits: Int = 1) -> String {
  guard value.isFinite else { return "–" }
  return String(format: "%.\(digits)f", value)
}
