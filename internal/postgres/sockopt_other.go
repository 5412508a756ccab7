//go:build !linux

package postgres

import "time"

// setUserTimeout does nothing where TCP_USER_TIMEOUT is not available:
// keepalives and the connection's deadlines still bound every wait.
func setUserTimeout(uintptr, time.Duration) error { return nil }
