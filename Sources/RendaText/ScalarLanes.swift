/// Eight scalars read at once as integer lanes, for scans that look for a few rare scalars
/// (quote marks, brackets, ASCII) in a text that is nearly all Han characters: a block of
/// eight is tested with a handful of vector compares and, most of the time, passed whole,
/// where a scalar-by-scalar loop spends a test and a branch on each.
///
/// A scan keeps its scalar loop for the blocks that may hold what it looks for, so the
/// skip changes how fast it runs, never what it finds. (Measured on 1 MB: the slogan scan
/// 3.8 → 2.6 M instructions, halfwidth-punctuation's 3.1 → 1.7 M, the meeting-name grammar
/// 3.4 → 1.3 M; paired-punctuation, whose marks or commas are in about every other block,
/// only 3.47 → 3.19 M by skipping blocks of ideographs.)
///
/// Public, as `TextOffset` is, where the rest of the module is `package`: this toolchain did
/// not inline these `@inlinable` helpers into other modules while they were `package` (the
/// binary called them, and the slogan scan ran more instructions than before), and does now.
public enum ScalarLanes {
  public typealias Block = SIMD8<UInt32>
  public typealias Mask = SIMDMask<SIMD8<Int32>>

  /// The number of scalars in a block.
  @inlinable public static var width: Int { 8 }

  /// The eight scalars of `scalars` from `i` (`i + 8 <= scalars.count`).
  @inlinable @inline(__always)
  public static func block(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Block {
    UnsafeRawPointer(scalars.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: Block.self)
  }

  /// The lanes whose value is in `lower..<(lower + count)`: one subtraction and one unsigned
  /// compare.
  @inlinable @inline(__always)
  public static func lanes(of block: Block, in lower: UInt32, count: UInt32) -> Mask {
    (block &- Block(repeating: lower)) .< Block(repeating: count)
  }

  /// The lanes that hold an ASCII scalar.
  @inlinable @inline(__always)
  public static func asciiLanes(of block: Block) -> Mask {
    block .< Block(repeating: 0x80)
  }

  /// The lanes whose scalar is outside the Han blocks (`Unicode.Scalar.isInHanBlocks`,
  /// U+3400–9FFF): every mark, letter and digit. Two signed compares (a scalar is below
  /// 2^31): baseline x86-64 has no unsigned compare of 32-bit lanes, and the one
  /// ``lanes(of:in:count:)`` makes is emulated, several times the instructions.
  @inlinable @inline(__always)
  public static func nonHanLanes(of block: Block) -> Mask {
    let signed = unsafeBitCast(block, to: SIMD8<Int32>.self)
    return (signed .< SIMD8<Int32>(repeating: 0x3400)) .| (signed .>= SIMD8<Int32>(repeating: 0xA000))
  }
}
