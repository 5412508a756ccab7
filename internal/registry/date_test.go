package registry

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestParseDateAcceptsAndEchoes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in        string
		precision Precision
		y         int
		m         time.Month
		d         int
	}{
		{"2023", PrecisionYear, 2023, 1, 1},
		{"2023-05", PrecisionMonth, 2023, 5, 1},
		{"2023-05-18", PrecisionDay, 2023, 5, 18},
		{"2024-02-29", PrecisionDay, 2024, 2, 29},
		{"2000-02-29", PrecisionDay, 2000, 2, 29},
		{"2023-12-31", PrecisionDay, 2023, 12, 31},
		{"2023-01", PrecisionMonth, 2023, 1, 1},
		{"2023-12", PrecisionMonth, 2023, 12, 1},
		{"0001", PrecisionYear, 1, 1, 1},
		{"9999-12-31", PrecisionDay, 9999, 12, 31},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d, err := ParseDate(c.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) = %v, want a date", c.in, err)
			}
			if d.Precision != c.precision || d.Year != c.y || d.Month != c.m || d.Day != c.d {
				t.Fatalf("ParseDate(%q) = %+v, want %d-%d-%d at precision %d", c.in, d, c.y, c.m, c.d, c.precision)
			}
			if got := d.String(); got != c.in {
				t.Fatalf("ParseDate(%q).String() = %q, want it echoed exactly", c.in, got)
			}
			text, err := d.MarshalText()
			if err != nil || string(text) != c.in {
				t.Fatalf("MarshalText = %q, %v; want %q", text, err, c.in)
			}
			var back Date
			if err := back.UnmarshalText([]byte(c.in)); err != nil || back != d {
				t.Fatalf("UnmarshalText(%q) = %+v, %v; want %+v", c.in, back, err, d)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"2023-02-29", // not a leap year
		"1900-02-29", // century, not a leap year
		"2023-04-31",
		"2023-13",
		"2023-00",
		"2023-05-00",
		"2023-05-32",
		"2023-13-01",
		"2023-1-5",
		"2023-1",
		"2023-05-1",
		"2023-05- 1",
		"2023/05/18",
		"2023.05",
		"2023-05-18T00:00:00Z",
		"2023-05-18 ",
		" 2023",
		"2023 ",
		"today",
		"infinity",
		"-infinity",
		"",
		"20230",
		"202",
		"0000",
		"-2023",
		"+2023",
		"２０２３", // full-width digits
		"2023-05-18-01",
		"2023--5",
	} {
		t.Run(in, func(t *testing.T) {
			if d, err := ParseDate(in); err == nil {
				t.Fatalf("ParseDate(%q) = %+v, want an error", in, d)
			}
			var d Date
			if err := d.UnmarshalText([]byte(in)); err == nil {
				t.Fatalf("UnmarshalText(%q) succeeded, want an error", in)
			}
		})
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDateFirstAndLast(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in          string
		first, last time.Time
	}{
		{"2023", day(2023, 1, 1), day(2023, 12, 31)},
		{"2024", day(2024, 1, 1), day(2024, 12, 31)},
		{"2023-02", day(2023, 2, 1), day(2023, 2, 28)},
		{"2024-02", day(2024, 2, 1), day(2024, 2, 29)},
		{"2023-04", day(2023, 4, 1), day(2023, 4, 30)},
		{"2023-12", day(2023, 12, 1), day(2023, 12, 31)},
		{"2023-01", day(2023, 1, 1), day(2023, 1, 31)},
		{"2023-05-18", day(2023, 5, 18), day(2023, 5, 18)},
		{"2024-02-29", day(2024, 2, 29), day(2024, 2, 29)},
	}
	for _, c := range cases {
		d := mustDate(t, c.in)
		if got := d.First(); !got.Equal(c.first) {
			t.Errorf("%s.First() = %s, want %s", c.in, got, c.first)
		}
		if got := d.Last(); !got.Equal(c.last) {
			t.Errorf("%s.Last() = %s, want %s", c.in, got, c.last)
		}
		if back := DateFromParts(d.First(), d.Precision); back != d || back.String() != c.in {
			t.Errorf("DateFromParts(%s) = %v, want %s", c.in, back, c.in)
		}
	}
}

func TestOutOfOrder(t *testing.T) {
	t.Parallel()
	cases := []struct {
		earlier, later string
		want           bool
	}{
		{"2023", "2023-05", false},
		{"2023-05", "2023", false},
		{"2023", "2023-05-18", false},
		{"2023-05-18", "2023", false},
		{"2023-05", "2023-05-01", false},
		{"2023-05-31", "2023-05", false},
		{"2023-05-18", "2023-05-18", false},
		{"2023-05-17", "2023-05-18", false},
		{"2023-06", "2023-05-31", true},
		{"2023-05-18", "2023-05-17", true},
		{"2024", "2023-12-31", true},
		{"2024-01", "2023", true},
		{"2023-12-31", "2024", false},
		{"2023", "2022", true},
		{"2022", "2023", false},
	}
	for _, c := range cases {
		if got := OutOfOrder(mustDate(t, c.earlier), mustDate(t, c.later)); got != c.want {
			t.Errorf("OutOfOrder(%s, %s) = %t, want %t", c.earlier, c.later, got, c.want)
		}
	}
}

func TestInFutureIsJudgedInChinaStandardTime(t *testing.T) {
	t.Parallel()
	newYork := time.FixedZone("EST", -5*60*60)
	cases := []struct {
		name string
		date string
		now  time.Time
		want bool
	}{
		// 16:30 UTC on 9 March is 00:30 on 10 March in Beijing: 10 March is
		// today there although it is tomorrow in UTC.
		{"today in CST, tomorrow in UTC", "2024-03-10", time.Date(2024, 3, 9, 16, 30, 0, 0, time.UTC), false},
		{"the same instant seen from New York", "2024-03-10", time.Date(2024, 3, 9, 16, 30, 0, 0, time.UTC).In(newYork), false},
		{"tomorrow in CST", "2024-03-11", time.Date(2024, 3, 9, 16, 30, 0, 0, time.UTC), true},
		{"one second before midnight in CST", "2024-03-10", time.Date(2024, 3, 9, 15, 59, 59, 0, time.UTC), true},
		{"midnight in CST", "2024-03-10", time.Date(2024, 3, 9, 16, 0, 0, 0, time.UTC), false},
		{"today in UTC and CST", "2024-03-09", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), false},
		{"yesterday", "2024-03-08", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), false},
		{"this month", "2024-03", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), false},
		{"next month", "2024-04", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), true},
		{"next month in CST only", "2024-04", time.Date(2024, 3, 31, 16, 0, 0, 0, time.UTC), false},
		{"next month, CST not there yet", "2024-04", time.Date(2024, 3, 31, 15, 59, 0, 0, time.UTC), true},
		{"this year", "2024", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), false},
		{"next year", "2025", time.Date(2024, 3, 9, 10, 0, 0, 0, time.UTC), true},
		{"new year in CST only", "2024", time.Date(2023, 12, 31, 16, 0, 0, 0, time.UTC), false},
		{"new year's day in CST only", "2024-01-01", time.Date(2023, 12, 31, 16, 0, 0, 0, time.UTC), false},
		{"new year not yet in CST", "2024", time.Date(2023, 12, 31, 15, 59, 59, 0, time.UTC), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := mustDate(t, c.date).InFuture(c.now); got != c.want {
				t.Fatalf("%s.InFuture(%s) = %t, want %t", c.date, c.now.Format(time.RFC3339), got, c.want)
			}
		})
	}
}

func TestCheckAgreementTransition(t *testing.T) {
	t.Parallel()
	// The lifecycle of the contract: draft → signed → in_force →
	// (suspended ⇄ in_force) → expired | terminated.
	allowed := map[AgreementStatus][]AgreementStatus{
		StatusDraft:      {StatusSigned},
		StatusSigned:     {StatusInForce},
		StatusInForce:    {StatusSuspended, StatusExpired, StatusTerminated},
		StatusSuspended:  {StatusInForce, StatusExpired, StatusTerminated},
		StatusExpired:    {},
		StatusTerminated: {},
	}
	if len(AgreementStatuses.Values) != len(allowed) {
		t.Fatalf("AgreementStatuses = %v, want the six statuses of the contract", AgreementStatuses.Codes())
	}
	for _, fv := range AgreementStatuses.Values {
		for _, tv := range AgreementStatuses.Values {
			from, to := fv.Code, tv.Code
			err := CheckAgreementTransition(from, to)
			if from == to || slices.Contains(allowed[from], to) {
				if err != nil {
					t.Errorf("%s → %s: %v, want allowed", from, to, err)
				}
				continue
			}
			var te *TransitionError
			if !errors.As(err, &te) {
				t.Errorf("%s → %s: err = %v, want a *TransitionError", from, to, err)
				continue
			}
			if !errors.Is(err, ErrConflict) {
				t.Errorf("%s → %s: error does not match ErrConflict", from, to)
			}
			if te.From != string(from) || te.To != string(to) {
				t.Errorf("%s → %s: error names %s → %s", from, to, te.From, te.To)
			}
			want := []string{}
			for _, a := range allowed[from] {
				want = append(want, string(a))
			}
			if te.Allowed == nil || !slices.Equal(te.Allowed, want) {
				t.Errorf("%s → %s: allowed = %#v, want %#v", from, to, te.Allowed, want)
			}
		}
	}

	// A sample of refused moves, spelled out.
	for _, c := range []struct {
		from, to AgreementStatus
		allowed  []string
	}{
		{StatusDraft, StatusInForce, []string{"signed"}},
		{StatusSigned, StatusDraft, []string{"in_force"}},
		{StatusSigned, StatusTerminated, []string{"in_force"}},
		{StatusInForce, StatusDraft, []string{"suspended", "expired", "terminated"}},
		{StatusSuspended, StatusSigned, []string{"in_force", "expired", "terminated"}},
		{StatusExpired, StatusInForce, []string{}},
		{StatusTerminated, StatusInForce, []string{}},
		{StatusExpired, StatusTerminated, []string{}},
	} {
		var te *TransitionError
		if err := CheckAgreementTransition(c.from, c.to); !errors.As(err, &te) || !slices.Equal(te.Allowed, c.allowed) {
			t.Errorf("%s → %s = %v, want refused with allowed %v", c.from, c.to, err, c.allowed)
		}
	}

	// The allowed list is the caller's own copy.
	var te *TransitionError
	if !errors.As(CheckAgreementTransition(StatusInForce, StatusDraft), &te) {
		t.Fatal("in_force → draft allowed")
	}
	te.Allowed[0] = string(StatusDraft)
	if err := CheckAgreementTransition(StatusInForce, StatusSuspended); err != nil {
		t.Fatalf("changing a returned allowed list changed the lifecycle: %v", err)
	}
	if err := CheckAgreementTransition(StatusInForce, StatusDraft); err == nil {
		t.Fatal("changing a returned allowed list changed the lifecycle")
	}
}
