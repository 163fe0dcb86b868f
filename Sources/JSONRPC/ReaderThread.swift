#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts `body` on a new detached thread of its own. `name` is only for the failure message
/// (Glibc's `pthread_setname_np` is not imported into Swift).
///
/// POSIX threads rather than Foundation's `Thread`: `Thread` is the one API the server
/// needed from the full Foundation, and linking that (with its 40 MB ICU library) cost
/// every `renda` process about 5 ms of dynamic loading before `main`.
enum ReaderThread {
  static func start(name: String, stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    final class Body {
      let run: @Sendable () -> Void
      init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
      let created = pthread_create(
        &thread, &attributes,
        { context in
          Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
          return nil
        }, context)
    #else
      var thread: pthread_t?
      let created = pthread_create(
        &thread, &attributes,
        { context in
          Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
          return nil
        }, context)
    #endif
    // Without a thread there is no server: say why rather than wait for input never read.
    precondition(created == 0, "cannot start the \(name) thread: error \(created)")
  }
}
