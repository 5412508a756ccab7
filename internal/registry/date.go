package registry

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a Date was given.
type Precision int

// The precisions of a partial date.
const (
	PrecisionYear  Precision = 1
	PrecisionMonth Precision = 2
	PrecisionDay   Precision = 3
)

// Date is a civil date with no zone that may be partial: YYYY, YYYY-MM or
// YYYY-MM-DD, as the Popolo standard allows. It is echoed exactly as
// precise as it was given; it sorts by its first day.
type Date struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
}

// ParseDate parses a partial date. Impossible dates (2023-02-29, 2023-13),
// other layouts and words are errors.
func ParseDate(s string) (Date, error) {
	bad := fmt.Errorf("%q is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", s)
	if !digitsAt(s, 0, 4) {
		return Date{}, bad
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1 {
		return Date{}, bad
	}
	switch len(s) {
	case 4:
		return Date{Year: y, Month: 1, Day: 1, Precision: PrecisionYear}, nil
	case 7:
		if s[4] != '-' || !digitsAt(s, 5, 2) {
			return Date{}, bad
		}
		m, _ := strconv.Atoi(s[5:7])
		if m < 1 || m > 12 {
			return Date{}, bad
		}
		return Date{Year: y, Month: time.Month(m), Day: 1, Precision: PrecisionMonth}, nil
	case 10:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return Date{}, bad
		}
		return Date{Year: y, Month: t.Month(), Day: t.Day(), Precision: PrecisionDay}, nil
	}
	return Date{}, bad
}

func digitsAt(s string, from, n int) bool {
	if len(s) < from+n {
		return false
	}
	for i := from; i < from+n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String formats the date at its own precision.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// First is the first day the date covers.
func (d Date) First() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day the date covers.
func (d Date) Last() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		return d.First()
	}
}

// DateFromParts rebuilds a Date from its first day and precision, as the
// database stores it.
func DateFromParts(first time.Time, p Precision) Date {
	return Date{Year: first.Year(), Month: first.Month(), Day: first.Day(), Precision: p}
}

// OutOfOrder reports whether earlier is out of order with later, that is whether its
// first day is after the last day of later.
func OutOfOrder(earlier, later Date) bool {
	return earlier.First().After(later.Last())
}

// ChinaStandardTime is UTC+8, the zone in which "today" is judged.
var ChinaStandardTime = time.FixedZone("CST", 8*60*60)

// InFuture reports whether the date's first day is after today in China
// Standard Time, judged at now.
func (d Date) InFuture(now time.Time) bool {
	y, m, day := now.In(ChinaStandardTime).Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	return d.First().After(today)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
