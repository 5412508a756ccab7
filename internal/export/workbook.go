// Package export turns pages of records into workbooks for people: column
// headings, enum values and organisation names in the reader's language,
// participants with their role, outcomes with their description, dates as
// precise as stored. Rows are streamed to excelize's StreamWriter, which
// keeps them in a temporary file beyond a fixed buffer, and the workbook
// is zipped straight to the destination: memory stays flat however many
// records there are. The HTTP API and the console share it; it imports
// neither net/http nor database/sql.
package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/chengyu-collab/registry/internal/registry"
)

// MediaType is the media type of an Excel workbook.
const MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// PageSize is how many records an export reads at a time: few enough to
// keep memory flat, enough that planning each page (4–6 ms on the
// benchmark data set) is a small part of reading it.
const PageSize = 2000

// Column is one column of a sheet: its heading and width in characters.
type Column struct {
	Heading string
	Width   float64
}

// Workbook is a workbook being written, one sheet after another. Close it
// when done, written or not: it removes the temporary files.
type Workbook struct {
	f      *excelize.File
	lang   registry.Lang
	header int // the style of heading cells
	sheets int
	dst    io.Writer
	// rows hold each sheet's rows, in sheet order.
	rows []*rowsPart
}

// NewWorkbook starts an empty workbook whose texts are in lang.
func NewWorkbook(lang registry.Lang) (*Workbook, error) {
	f := excelize.NewFile()
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("header style: %w", err)
	}
	wb := &Workbook{f: f, lang: lang, header: header}
	// excelize zips into a buffer of the whole file unless told otherwise:
	// its zip writer goes straight to the destination of WriteTo instead.
	// It deflates at flate.BestSpeed: the default level spent more time
	// compressing a year's rows than everything else the export does, for
	// a file a fifth smaller.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(wb.dst)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		return &splicingZip{zw: zw, wb: wb}
	})
	return wb, nil
}

// Lang is the language of the workbook's texts.
func (wb *Workbook) Lang() registry.Lang { return wb.lang }

// Sheet is a sheet being streamed: a frozen heading row, then rows.
//
// excelize's StreamWriter writes the sheet (widths, frozen pane, heading)
// but would hold up to 16 MiB of rows in memory, and more while its buffer
// grows, before it spills to a temporary file. The rows therefore go
// through a small buffer to a temporary file of their own, in the same
// SpreadsheetML the StreamWriter writes, deflated as they are written, and
// are spliced into the sheet as the workbook is zipped: memory stays at
// two pages of records, a 64 KiB buffer and the compressor's window
// however long the sheet is.
type Sheet struct {
	sw    *excelize.StreamWriter
	index int // 1-based, names the sheet's rows file
	cols  int
	rows  int // data rows written
	part  *rowsPart
	buf   *bufio.Writer
	wb    *Workbook
	// colNames are the letters of the columns written so far.
	colNames []string
}

// AddSheet starts a sheet after those already added, with a frozen,
// bold heading row and the columns' widths. The previous sheet must be
// finished (Sheet.Close) first.
func (wb *Workbook) AddSheet(name string, cols []Column) (*Sheet, error) {
	name = sheetName(name)
	if wb.sheets == 0 {
		if err := wb.f.SetSheetName("Sheet1", name); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
	} else if _, err := wb.f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", name, err)
	}
	wb.sheets++
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", name, err)
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, fmt.Errorf("sheet %s width: %w", name, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, fmt.Errorf("sheet %s panes: %w", name, err)
	}
	heading := make([]any, len(cols))
	for i, c := range cols {
		heading[i] = excelize.Cell{StyleID: wb.header, Value: c.Heading}
	}
	if err := sw.SetRow("A1", heading, excelize.RowOpts{Height: 20}); err != nil {
		return nil, fmt.Errorf("sheet %s heading: %w", name, err)
	}
	part, err := newRowsPart()
	if err != nil {
		return nil, fmt.Errorf("sheet %s rows file: %w", name, err)
	}
	wb.rows = append(wb.rows, part)
	s := &Sheet{sw: sw, index: wb.sheets, cols: len(cols), part: part, buf: bufio.NewWriterSize(part, 64<<10), wb: wb}
	return s, nil
}

// maxCellChars is the most characters a cell holds in Excel.
const maxCellChars = 32767

// Append writes one row: strings are text (a date stays "2023-05"),
// integers are numbers, nil an empty cell.
func (s *Sheet) Append(values ...any) error {
	r := strconv.Itoa(s.rows + 2)
	b := s.buf
	b.WriteString(`<row r="`)
	b.WriteString(r)
	b.WriteString(`">`)
	for i, v := range values {
		if v == nil {
			continue
		}
		col, err := s.column(i)
		if err != nil {
			return err
		}
		b.WriteString(`<c r="`)
		b.WriteString(col)
		b.WriteString(r)
		switch v := v.(type) {
		case int:
			b.WriteString(`"><v>`)
			b.WriteString(strconv.Itoa(v))
			b.WriteString(`</v></c>`)
		case int64:
			b.WriteString(`"><v>`)
			b.WriteString(strconv.FormatInt(v, 10))
			b.WriteString(`</v></c>`)
		case string:
			if len(v) > maxCellChars { // bytes: only then can the characters be too many
				if rs := []rune(v); len(rs) > maxCellChars {
					v = string(rs[:maxCellChars])
				}
			}
			b.WriteString(`" t="inlineStr"><is><t xml:space="preserve">`)
			if err := escapeText(b, v); err != nil {
				return err
			}
			b.WriteString(`</t></is></c>`)
		default:
			return fmt.Errorf("export: cell of type %T", v)
		}
	}
	if _, err := b.WriteString(`</row>`); err != nil {
		return fmt.Errorf("row %s: %w", r, err)
	}
	s.rows++
	return nil
}

// column is the letters of the 0-based column i, named once per sheet.
func (s *Sheet) column(i int) (string, error) {
	for len(s.colNames) <= i {
		name, err := excelize.ColumnNumberToName(len(s.colNames) + 1)
		if err != nil {
			return "", err
		}
		s.colNames = append(s.colNames, name)
	}
	return s.colNames[i], nil
}

// escapeText writes v as XML character data. Most cells need no escaping
// (valid UTF-8 with none of the characters XML escapes or forbids): they
// are written as they are; the rest go through xml.EscapeText. Valid UTF-8
// holds no surrogates, so the only characters above U+001F that XML
// forbids are U+FFFE and U+FFFF: the fullwidth punctuation of Chinese
// text (U+FF0C ，, U+FF08 （ …), which shares their first byte, is plain.
func escapeText(b *bufio.Writer, v string) error {
	plain := utf8.ValidString(v)
	for i := 0; plain && i < len(v); i++ {
		switch c := v[i]; {
		case c < 0x20, c == '"', c == '&', c == '\'', c == '<', c == '>':
			plain = false
		case c == 0xEF && i+2 < len(v) && v[i+1] == 0xBF && v[i+2] >= 0xBE: // U+FFFE or U+FFFF
			plain = false
		}
	}
	if plain {
		_, err := b.WriteString(v)
		return err
	}
	return xml.EscapeText(b, []byte(v))
}

// AppendText writes one row of texts.
func (s *Sheet) AppendText(row []string) error {
	values := make([]any, len(row))
	for i, v := range row {
		if v != "" {
			values[i] = v
		}
	}
	return s.Append(values...)
}

// Rows is how many rows were written below the heading.
func (s *Sheet) Rows() int { return s.rows }

// Close finishes the sheet: its rows take the place of a marker row when
// the workbook is zipped.
func (s *Sheet) Close() error {
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("finish sheet rows: %w", err)
	}
	if err := s.part.finish(); err != nil {
		return fmt.Errorf("finish sheet rows: %w", err)
	}
	if err := s.sw.SetRow("A2", []any{rowsMarker(s.index)}); err != nil {
		return fmt.Errorf("finish sheet: %w", err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("finish sheet: %w", err)
	}
	return nil
}

// rowsMarker is the text of the marker row that the rows of sheet index
// replace.
func rowsMarker(index int) string { return "@@export-rows-" + strconv.Itoa(index) + "@@" }

var markerRE = regexp.MustCompile(`@@export-rows-([0-9]+)@@`)

// splicingZip zips the workbook to its destination, replacing each
// sheet's marker row by the rows in the sheet's rows file. A worksheet
// part holds no rows of its own (only the heading and the marker), so it
// is held in memory until the next part begins; it is then written as
// one deflate stream: its head and tail deflated here, around the rows,
// deflated already as they were written.
type splicingZip struct {
	zw   *zip.Writer
	wb   *Workbook
	name string        // the worksheet part being held
	held *bytes.Buffer // its bytes
}

func (z *splicingZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(name, "xl/worksheets/sheet") {
		return z.zw.Create(name)
	}
	z.name, z.held = name, new(bytes.Buffer)
	return z.held, nil
}

func (z *splicingZip) AddFS(fsys fs.FS) error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *splicingZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.zw.Close()
}

// finish writes the held worksheet part with its rows spliced in.
func (z *splicingZip) finish() error {
	if z.held == nil {
		return nil
	}
	data, name := z.held.Bytes(), z.name
	z.held, z.name = nil, ""
	loc := markerRE.FindSubmatchIndex(data)
	if loc == nil {
		w, err := z.zw.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	start := bytes.LastIndex(data[:loc[0]], []byte("<row "))
	end := bytes.Index(data[loc[1]:], []byte("</row>"))
	index, _ := strconv.Atoi(string(data[loc[2]:loc[3]]))
	if start < 0 || end < 0 || index < 1 || index > len(z.wb.rows) {
		return fmt.Errorf("export: sheet %d: marker row not found", index)
	}
	end += loc[1] + len("</row>")
	rows := z.wb.rows[index-1]
	head, err := deflate(data[:start], false)
	if err != nil {
		return err
	}
	tail, err := deflate(data[end:], true)
	if err != nil {
		return err
	}
	crc := crc32Combine(crc32Combine(crc32.ChecksumIEEE(data[:start]), rows.crc, rows.size),
		crc32.ChecksumIEEE(data[end:]), int64(len(data)-end))
	w, err := z.zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(int64(len(head)) + rows.deflated + int64(len(tail))),
		UncompressedSize64: uint64(int64(start) + rows.size + int64(len(data)-end))})
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if _, err := rows.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(w, rows.file); err != nil {
		return err
	}
	_, err = w.Write(tail)
	return err
}

// rowsPart is the rows of a sheet in a temporary file, deflated as they
// are written (at the speed level of the rest of the workbook), with what
// the zip entry that holds them needs to know: their CRC-32 and length.
// Deflating while the pages are read, rather than when the workbook is
// zipped, lets it overlap with the database's work.
type rowsPart struct {
	file     *os.File
	zw       *flate.Writer
	crc      uint32
	size     int64 // bytes before deflating
	deflated int64 // bytes in file
}

func newRowsPart() (*rowsPart, error) {
	file, err := os.CreateTemp("", "export-rows-")
	if err != nil {
		return nil, err
	}
	zw, err := flate.NewWriter(file, flate.BestSpeed)
	if err != nil {
		_ = file.Close()
		_ = os.Remove(file.Name())
		return nil, err
	}
	return &rowsPart{file: file, zw: zw}, nil
}

func (r *rowsPart) Write(p []byte) (int, error) {
	r.crc = crc32.Update(r.crc, crc32.IEEETable, p)
	r.size += int64(len(p))
	return r.zw.Write(p)
}

// finish ends the rows' deflate blocks on a byte boundary without ending
// the stream (a sync flush), so that the part's tail can follow them.
func (r *rowsPart) finish() error {
	if err := r.zw.Flush(); err != nil {
		return err
	}
	n, err := r.file.Seek(0, io.SeekCurrent)
	r.deflated = n
	return err
}

// deflate compresses p as a piece of a deflate stream: the last piece
// (last) ends the stream, the others end on a byte boundary (a sync
// flush), so that pieces deflated apart can be joined.
func deflate(p []byte, last bool) ([]byte, error) {
	var b bytes.Buffer
	zw, err := flate.NewWriter(&b, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(p); err != nil {
		return nil, err
	}
	if last {
		err = zw.Close()
	} else {
		err = zw.Flush()
	}
	return b.Bytes(), err
}

// crc32Combine is the CRC-32 (IEEE) of a sequence whose first part has
// crc1 and whose second part, of len2 bytes, has crc2 (zlib's
// crc32_combine): it multiplies crc1 by x^(8·len2) modulo the polynomial
// with a square-and-multiply over GF(2) matrices.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	for n, row := 1, uint32(1); n < 32; n, row = n+1, row<<1 {
		odd[n] = row
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd) // one zero byte the first time, then doubling
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}

// WriteTo zips the finished workbook to w as it goes: nothing is written
// before it is called, so an error while the sheets are filled can still
// be answered plainly.
func (wb *Workbook) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	wb.dst = cw
	wb.f.SetActiveSheet(0)
	if _, err := wb.f.WriteTo(cw); err != nil {
		return cw.n, fmt.Errorf("write workbook: %w", err)
	}
	return cw.n, nil
}

// Close releases the workbook and its temporary files.
func (wb *Workbook) Close() error {
	err := wb.f.Close()
	for _, r := range wb.rows {
		_ = r.file.Close()
		_ = os.Remove(r.file.Name())
	}
	wb.rows = nil
	return err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// sheetName makes name a valid sheet name: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// Pages fetches one page of records after cursor ("" for the first) and
// the cursor of the next page ("" after the last).
type Pages[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// WriteTable adds a sheet of the table's records, read page by page: at
// most two pages are in memory at a time (Prefetch). It returns how many rows it wrote.
func WriteTable[T any](ctx context.Context, wb *Workbook, t Table[T], names Names, pages Pages[T]) (int, error) {
	return writeSheet(ctx, wb, t, pages, func(rec T) []string { return t.Row(wb.lang, names, rec) })
}

// writeSheet adds a sheet of table t whose rows are read page by page,
// the next while the last is written, and made into cells by row.
func writeSheet[T, R any](ctx context.Context, wb *Workbook, t Table[T], pages Pages[R], row func(R) []string) (int, error) {
	s, err := wb.AddSheet(registry.Text(wb.lang, t.sheet, nil), t.Columns(wb.lang))
	if err != nil {
		return 0, err
	}
	pages = Prefetch(pages)
	cursor := ""
	for {
		items, next, err := pages(ctx, cursor)
		if err != nil {
			return s.Rows(), err
		}
		for _, rec := range items {
			if err := s.AppendText(row(rec)); err != nil {
				return s.Rows(), err
			}
		}
		if next == "" {
			break
		}
		if err := ctx.Err(); err != nil {
			return s.Rows(), err
		}
		cursor = next
	}
	return s.Rows(), s.Close()
}

// Disposition is a Content-Disposition value that offers the workbook as
// an attachment named name (Chinese included, RFC 6266 filename*), with
// ascii as the name for clients that only read filename.
func Disposition(name, ascii string) string {
	var b strings.Builder
	for _, c := range []byte(name + ".xlsx") {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return `attachment; filename="` + asciiName(ascii) + `.xlsx"; filename*=UTF-8''` + b.String()
}

// asciiName keeps letters, digits, '-' and '_' of s, others becoming '-'.
func asciiName(s string) string {
	out := strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '-'
	}, s)
	if strings.Trim(out, "-") == "" {
		return "export"
	}
	return out
}

// WriteList writes a workbook of one table's records, read page by page,
// to w. ready, when not nil, is called once every row is in the
// workbook's temporary files and just before the first byte goes to w:
// an error before then leaves w untouched (written is false), so it can
// still be answered plainly.
func WriteList[T any](ctx context.Context, w io.Writer, lang registry.Lang, t Table[T], names Names,
	pages Pages[T], ready func()) (written bool, err error) {
	wb, err := NewWorkbook(lang)
	if err != nil {
		return false, err
	}
	defer wb.Close()
	if _, err := WriteTable(ctx, wb, t, names, pages); err != nil {
		return false, err
	}
	if ready != nil {
		ready()
	}
	_, err = wb.WriteTo(w)
	return true, err
}

// WriteCells is WriteList for rows whose cells are made already (the
// store keeps each record's, registry.ExportCells of it, beside its read
// form): pages gives, page by page, each record's cells in lang.
func WriteCells[T any](ctx context.Context, w io.Writer, lang registry.Lang, t Table[T],
	pages Pages[[]string], ready func()) (written bool, err error) {
	wb, err := NewWorkbook(lang)
	if err != nil {
		return false, err
	}
	defer wb.Close()
	if _, err := writeSheet(ctx, wb, t, pages, func(cells []string) []string { return cells }); err != nil {
		return false, err
	}
	if ready != nil {
		ready()
	}
	_, err = wb.WriteTo(w)
	return true, err
}

// Prefetch returns pages that, as soon as a page has been read, reads the
// one after it in the background while the caller writes the first: the
// database's work and the writing overlap instead of taking turns, and at
// most two pages are in memory. Calls of pages never overlap; a page asked
// for out of turn is read then and there. The background read runs under the context of the call that
// started it, so it stops when the request does.
func Prefetch[T any](pages Pages[T]) Pages[T] {
	type page struct {
		items []T
		next  string
		err   error
	}
	var ahead chan page // the page of cursor aheadOf, being read
	var aheadOf string
	return func(ctx context.Context, cursor string) ([]T, string, error) {
		var p page
		if ahead != nil {
			p = <-ahead // calls of pages never overlap: it may share state between them
		}
		if ahead == nil || aheadOf != cursor {
			p = page{}
			p.items, p.next, p.err = pages(ctx, cursor)
		}
		ahead = nil
		if p.err == nil && p.next != "" {
			ch := make(chan page, 1) // the reader never waits for the caller
			ahead, aheadOf = ch, p.next
			go func(cursor string) {
				var q page
				q.items, q.next, q.err = pages(ctx, cursor)
				ch <- q
			}(p.next)
		}
		return p.items, p.next, p.err
	}
}
