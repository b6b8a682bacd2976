#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VM

/// User accounts from the system's user database (`getpwnam_r`, `getpwuid_r`), as Go's
/// `os/user` reads them.
enum UserDatabase {
    struct Account: Equatable {
        var name: String
        var uid: UInt32
        var home: String
    }

    /// The account named `name`.
    /// - Throws: Go's `user: unknown user <name>` when there is none.
    static func lookup(name: String) throws(RuntimeError) -> Account {
        guard let account = entry({ record, buffer, size, result in getpwnam_r(name, record, buffer, size, result) }) else {
            throw RuntimeError("user: unknown user \(name)")
        }
        return account
    }

    /// The account of the process's real user id; like Go's pure `user.Current`, it falls
    /// back to `$USER` and `$HOME` when the database has no entry.
    static func current() throws(RuntimeError) -> Account {
        let uid = getuid()
        if let account = entry({ record, buffer, size, result in getpwuid_r(uid, record, buffer, size, result) }) {
            return account
        }
        guard let home = getenv("HOME").map({ String(cString: $0) }) else {
            throw RuntimeError("user: unknown userid \(uid)")
        }
        return Account(name: getenv("USER").map { String(cString: $0) } ?? "", uid: uid, home: home)
    }

    /// Runs one reentrant passwd lookup, growing the string buffer while it is too small.
    private static func entry(
        _ call: (UnsafeMutablePointer<passwd>, UnsafeMutablePointer<CChar>, Int,
                 UnsafeMutablePointer<UnsafeMutablePointer<passwd>?>) -> Int32
    ) -> Account? {
        var size = 1024
        while size <= 1 << 20 {
            var record = passwd()
            var result: UnsafeMutablePointer<passwd>?
            var buffer = [CChar](repeating: 0, count: size)
            // The record's strings point into `buffer`: read them before it goes away.
            let (status, account) = buffer.withUnsafeMutableBufferPointer { storage -> (Int32, Account?) in
                let status = call(&record, storage.baseAddress!, size, &result)
                guard status == 0, result != nil else { return (status, nil) }
                return (0, Account(name: String(cString: record.pw_name), uid: UInt32(record.pw_uid),
                                   home: String(cString: record.pw_dir)))
            }
            if status == ERANGE {
                size *= 4
                continue
            }
            return account
        }
        return nil
    }
}
