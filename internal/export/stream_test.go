package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPrefetchReadsTheNextPageWhileTheLastIsWritten: the next page is
// asked for before the caller asks, every page comes once and in order,
// calls of the reader never overlap, and an error ends the reading.
func TestPrefetchReadsTheNextPageWhileTheLastIsWritten(t *testing.T) {
	ctx := context.Background()
	asked := make(chan string, 10)
	busy := false
	read := func(_ context.Context, cursor string) ([]int, string, error) {
		if busy {
			t.Error("two reads at once")
		}
		busy = true
		defer func() { busy = false }()
		asked <- cursor
		n := 0
		if cursor != "" {
			n, _ = strconv.Atoi(cursor)
		}
		switch {
		case n == 4:
			return []int{n}, "", nil
		case cursor == "bad":
			return nil, "", errors.New("bad page")
		}
		return []int{n}, strconv.Itoa(n + 1), nil
	}
	wait := func(want string) {
		t.Helper()
		select {
		case c := <-asked:
			if c != want {
				t.Fatalf("read %q, want %q", c, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("page %q was not read", want)
		}
	}
	pages := Prefetch(Pages[int](read))
	items, next, err := pages(ctx, "")
	wait("")
	got := items
	for err == nil && next != "" {
		wait(next) // read ahead before the caller asks for it
		items, next, err = pages(ctx, next)
		got = append(got, items...)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4}) {
		t.Fatalf("pages %v", got)
	}

	// Out of turn and after an error.
	pages = Prefetch(Pages[int](read))
	if _, next, err := pages(ctx, ""); err != nil || next != "1" {
		t.Fatalf("first page: next %q, %v", next, err)
	}
	if _, _, err := pages(ctx, "bad"); err == nil {
		t.Fatal("an error was lost")
	}
}

// TestCRC32Combine: the CRC-32 of two parts joined, from theirs, is the
// CRC-32 of the whole, for empty, short and long parts.
func TestCRC32Combine(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {3, 1000}, {70000, 3}, {12345, 1 << 20}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(rnd.IntN(256))
		}
		for i := range b {
			b[i] = byte(rnd.IntN(256))
		}
		want := crc32.ChecksumIEEE(append(slices.Clone(a), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", n[0], n[1], got, want)
		}
	}
}

// checkZip reads every part of a workbook to its end, which checks each
// part's length and CRC-32 against its entry (excelize does not), and
// that each worksheet is well-formed XML.
func checkZip(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		body, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			d := xml.NewDecoder(bytes.NewReader(body))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
		}
	}
}
