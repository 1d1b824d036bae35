//! Whether stdin has data waiting, without reading it or waiting for it.
//!
//! A write that has its text in the arguments never reads stdin (see `commands::write`), but a
//! user who piped a log into `casefile ev "caption:"` should hear that it was left alone. This
//! looks without taking: a pipe or socket is polled with a zero timeout (an open pipe that
//! nobody writes is "nothing waiting", not a reason to wait); a redirected regular file has
//! data when its read position is before its end. A terminal, `/dev/null` or a closed stdin
//! has nothing waiting.

/// True when reading stdin now would return data at once.
#[cfg(unix)]
pub fn has_waiting_data() -> bool {
    // SAFETY: fstat fills a stat struct we own; poll reads one pollfd we own; lseek with
    // offset 0 and SEEK_CUR only reports the position. None of them reads or changes stdin.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(libc::STDIN_FILENO, &mut st) != 0 {
            return false;
        }
        match st.st_mode & libc::S_IFMT {
            libc::S_IFIFO | libc::S_IFSOCK => {
                let mut fd = libc::pollfd {
                    fd: libc::STDIN_FILENO,
                    events: libc::POLLIN,
                    revents: 0,
                };
                libc::poll(&mut fd, 1, 0) == 1 && fd.revents & libc::POLLIN != 0
            }
            libc::S_IFREG => {
                let pos = libc::lseek(libc::STDIN_FILENO, 0, libc::SEEK_CUR);
                pos >= 0 && pos < st.st_size
            }
            _ => false,
        }
    }
}

#[cfg(not(unix))]
pub fn has_waiting_data() -> bool {
    false
}
