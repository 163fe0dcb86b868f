#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes the reports of files analysed in parallel in input order, as soon as they can be.
///
/// Each input has a slot. The slot of the first unfinished input (the head) writes its pieces
/// straight through; the others collect theirs until every earlier slot is finished, so the
/// output is the same bytes in the same order as a one-by-one run, while a large report at the
/// head is never held whole and a finished one is released as soon as it is written. Standard
/// error messages travel in the same order; a message already written (one broken `.renda.json`
/// named by many files) is written once.
///
/// `admit(_:)` keeps the workers at most `window` inputs ahead of the head, which bounds what
/// waits in memory.
final class OrderedOutput: @unchecked Sendable {
  /// A piece of one input's report.
  private enum Piece {
    case output(String)
    case error(String)
    case item(String)
  }

  private struct Slot {
    var pieces: [Piece] = []
    var finished = false
  }

  private let condition = ConditionLock()
  private let io: CommandIO
  private let window: Int
  private var slots: [Int: Slot] = [:]
  private var head = 0
  private var writtenErrors = Set<String>()
  private var items = 0
  private let listOpening: String
  private let listSeparator: String

  /// `listOpening` goes before the first item, `listSeparator` between items (the JSON
  /// reports' `[` and `,` around pieces rendered by the workers).
  init(io: CommandIO, window: Int, listOpening: String = "[\n", listSeparator: String = ",\n") {
    self.io = io
    self.window = max(1, window)
    self.listOpening = listOpening
    self.listSeparator = listSeparator
  }

  /// Items written so far (read it after the workers are done to close the list).
  var itemsWritten: Int {
    condition.lock()
    defer { condition.unlock() }
    return items
  }

  /// Blocks until input `index` is fewer than `window` inputs ahead of the head.
  func admit(_ index: Int) {
    condition.lock()
    while index >= head + window { condition.wait() }
    condition.unlock()
  }

  /// Appends standard output text to input `index`'s report.
  func output(_ text: String, for index: Int) {
    add(.output(text), for: index)
  }

  /// Appends a standard error message to input `index`'s report.
  func error(_ message: String, for index: Int) {
    add(.error(message), for: index)
  }

  /// Appends an item of the list the output is (one file of `--format json`) to input `index`'s
  /// report: written after the opening or a separator.
  func item(_ text: String, for index: Int) {
    add(.item(text), for: index)
  }

  /// Input `index` has no more pieces: it and every finished input after it are written.
  func finish(_ index: Int) {
    condition.lock()
    defer { condition.unlock() }
    slots[index, default: Slot()].finished = true
    guard index == head else { return }
    while let slot = slots[head], slot.finished {
      slots[head] = nil
      head += 1
      // The new head's collected pieces go out now; later pieces go straight through.
      if let next = slots[head] {
        for piece in next.pieces { write(piece) }
        slots[head]?.pieces = []
      }
    }
    condition.broadcast()
  }

  private func add(_ piece: Piece, for index: Int) {
    condition.lock()
    defer { condition.unlock() }
    if index == head {
      write(piece)
    } else {
      slots[index, default: Slot()].pieces.append(piece)
    }
  }

  /// Called with the lock held, so pieces of different inputs never interleave.
  private func write(_ piece: Piece) {
    switch piece {
    case .output(let text): io.output(text)
    case .error(let message): if writtenErrors.insert(message).inserted { io.error(message) }
    case .item(let text):
      io.output((items == 0 ? listOpening : listSeparator) + text)
      items += 1
    }
  }
}

extension OrderedOutput {
  /// What a worker writes for the one input it reports.
  struct Writer: Sendable {
    let output: OrderedOutput
    let index: Int

    func output(_ text: String) { output.output(text, for: index) }
    func error(_ message: String) { output.error(message, for: index) }
    func item(_ text: String) { output.item(text, for: index) }
  }
}
