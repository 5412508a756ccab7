package export

import (
	"context"
	"errors"
	"slices"
	"strconv"
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
