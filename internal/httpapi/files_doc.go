package httpapi

// The Swagger annotations of the file routes, one stub a route. The three
// kinds of record take the same requests.

// docUploadAgreementFile documents uploadFile on agreements.
//
//	@Summary		Add a file to an agreement / 上传协议文件
//	@Description	The body is the file itself, streamed (never held whole in memory); `Content-Type` its media type: PDF, JPEG, PNG, DOCX, XLSX or OFD (others 415 unsupported-file-type). The bytes must be what the type says (422 media_type_mismatch). At most REGISTRY_MAX_FILE_BYTES (25 MiB by default; 413 above, nothing stored). The name comes from `Content-Disposition: attachment; filename*=UTF-8''…`; path separators and control characters are removed and it is cut to 255 characters. Who may write the record may add files; an archived record takes none (409). A failed or cut upload leaves no row, and its bytes are deleted (those of a process that died mid-upload by the sweep, after REGISTRY_UPLOAD_SWEEP_AFTER, 1 h by default). With an `Idempotency-Key` a retry of the same file (same bytes, type, name and query) replays the first 201 and stores nothing; another file under the same key is 422; the same key while the first upload still runs, on any replica, is 409. Without one a retry adds another file.
//	@ID				uploadAgreementFile
//	@Tags			files
//	@Accept			application/pdf
//	@Accept			image/jpeg
//	@Accept			image/png
//	@Accept			application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Accept			application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Accept			application/ofd
//	@Produce		json
//	@Param			id					path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			Content-Disposition	header		string	false	"文件名，RFC 6266 格式，filename* 为 UTF-8 编码；省略时文件名为 file / File name, as RFC 6266 has it, filename* in UTF-8; without it the name is file; 例 e.g. `attachment;filename*=UTF-8''%E6%A1%86%E6%9E%B6%E5%8D%8F%E8%AE%AE.pdf`"
//	@Param			Idempotency-Key		header		string	false	"幂等键，1–255 个可见 ASCII 字符；用同一键重试同一文件时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry of the same file with the same key replays the first answer; 例 e.g. `upload-2024-05-01-0001`"
//	@Param			title_zh			query		string	false	"中文标题，1–200 个字符 / Title in Chinese, 1–200 characters; 例 e.g. `协议签署文本`"
//	@Param			title_en			query		string	false	"英文标题，1–200 个字符 / Title in English, 1–200 characters; 例 e.g. `Signed text`"
//	@Param			kind				query		string	false	"文件类别 / Kind of file"	Enums(full_text, minutes, photo, report, other)
//	@Param			body				body		string	true	"文件内容本身，以 Content-Type 所述媒体类型流式发送 / The file's bytes themselves, streamed, of the media type Content-Type names"
//	@Success		201					{object}	registry.File
//	@Header			201					{string}	Location	"URL of the file's metadata"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		403					{object}	ProblemForbidden
//	@Failure		404					{object}	ProblemNotFound				"No such agreement"
//	@Failure		409					{object}	ProblemConflict				"The agreement is archived, or the same Idempotency-Key is still in flight"
//	@Failure		413					{object}	ProblemTooLarge				"The file is over the file limit; nothing stored"
//	@Failure		415					{object}	ProblemUnsupportedMedia		"A file type not accepted (unsupported-file-type)"
//	@Failure		422					{object}	ProblemValidation			"A bad title or kind, or bytes that are not of the declared type (media_type_mismatch)"
//	@Failure		429					{object}	ProblemRateLimited			"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable			"Blob store or database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem						"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/files [post]
func docUploadAgreementFile() {}

// docUploadConsultationFile documents uploadFile on consultations.
//
//	@Summary		Add a file to a consultation / 上传协商文件
//	@Description	The body is the file itself, streamed (never held whole in memory); `Content-Type` its media type: PDF, JPEG, PNG, DOCX, XLSX or OFD (others 415 unsupported-file-type). The bytes must be what the type says (422 media_type_mismatch). At most REGISTRY_MAX_FILE_BYTES (25 MiB by default; 413 above, nothing stored). The name comes from `Content-Disposition: attachment; filename*=UTF-8''…`; path separators and control characters are removed and it is cut to 255 characters. Who may write the record may add files; an archived record takes none (409). A failed or cut upload leaves no row, and its bytes are deleted (those of a process that died mid-upload by the sweep, after REGISTRY_UPLOAD_SWEEP_AFTER, 1 h by default). With an `Idempotency-Key` a retry of the same file (same bytes, type, name and query) replays the first 201 and stores nothing; another file under the same key is 422; the same key while the first upload still runs, on any replica, is 409. Without one a retry adds another file.
//	@ID				uploadConsultationFile
//	@Tags			files
//	@Accept			application/pdf
//	@Accept			image/jpeg
//	@Accept			image/png
//	@Accept			application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Accept			application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Accept			application/ofd
//	@Produce		json
//	@Param			id					path		string	true	"联合协商 UUID / Consultation UUID"	format(uuid)	extensions(x-example=01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01)
//	@Param			Content-Disposition	header		string	false	"文件名，RFC 6266 格式，filename* 为 UTF-8 编码；省略时文件名为 file / File name, as RFC 6266 has it, filename* in UTF-8; without it the name is file; 例 e.g. `attachment;filename*=UTF-8''%E6%A1%86%E6%9E%B6%E5%8D%8F%E8%AE%AE.pdf`"
//	@Param			Idempotency-Key		header		string	false	"幂等键，1–255 个可见 ASCII 字符；用同一键重试同一文件时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry of the same file with the same key replays the first answer; 例 e.g. `upload-2024-05-01-0001`"
//	@Param			title_zh			query		string	false	"中文标题，1–200 个字符 / Title in Chinese, 1–200 characters; 例 e.g. `协议签署文本`"
//	@Param			title_en			query		string	false	"英文标题，1–200 个字符 / Title in English, 1–200 characters; 例 e.g. `Signed text`"
//	@Param			kind				query		string	false	"文件类别 / Kind of file"	Enums(full_text, minutes, photo, report, other)
//	@Param			body				body		string	true	"文件内容本身，以 Content-Type 所述媒体类型流式发送 / The file's bytes themselves, streamed, of the media type Content-Type names"
//	@Success		201					{object}	registry.File
//	@Header			201					{string}	Location	"URL of the file's metadata"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		403					{object}	ProblemForbidden
//	@Failure		404					{object}	ProblemNotFound				"No such consultation"
//	@Failure		409					{object}	ProblemConflict				"The consultation is archived, or the same Idempotency-Key is still in flight"
//	@Failure		413					{object}	ProblemTooLarge				"The file is over the file limit; nothing stored"
//	@Failure		415					{object}	ProblemUnsupportedMedia		"A file type not accepted (unsupported-file-type)"
//	@Failure		422					{object}	ProblemValidation			"A bad title or kind, or bytes that are not of the declared type (media_type_mismatch)"
//	@Failure		429					{object}	ProblemRateLimited			"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable			"Blob store or database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem						"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/consultations/{id}/files [post]
func docUploadConsultationFile() {}

// docUploadJointActionFile documents uploadFile on joint actions.
//
//	@Summary		Add a file to a joint action / 上传履职活动文件
//	@Description	The body is the file itself, streamed (never held whole in memory); `Content-Type` its media type: PDF, JPEG, PNG, DOCX, XLSX or OFD (others 415 unsupported-file-type). The bytes must be what the type says (422 media_type_mismatch). At most REGISTRY_MAX_FILE_BYTES (25 MiB by default; 413 above, nothing stored). The name comes from `Content-Disposition: attachment; filename*=UTF-8''…`; path separators and control characters are removed and it is cut to 255 characters. Who may write the record may add files; an archived record takes none (409). A failed or cut upload leaves no row, and its bytes are deleted (those of a process that died mid-upload by the sweep, after REGISTRY_UPLOAD_SWEEP_AFTER, 1 h by default). With an `Idempotency-Key` a retry of the same file (same bytes, type, name and query) replays the first 201 and stores nothing; another file under the same key is 422; the same key while the first upload still runs, on any replica, is 409. Without one a retry adds another file.
//	@ID				uploadJointActionFile
//	@Tags			files
//	@Accept			application/pdf
//	@Accept			image/jpeg
//	@Accept			image/png
//	@Accept			application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Accept			application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Accept			application/ofd
//	@Produce		json
//	@Param			id					path		string	true	"联合履职 UUID / Joint action UUID"	format(uuid)	extensions(x-example=0193a5c2-9b2c-7d30-8e41-3f5a6b7c8d90)
//	@Param			Content-Disposition	header		string	false	"文件名，RFC 6266 格式，filename* 为 UTF-8 编码；省略时文件名为 file / File name, as RFC 6266 has it, filename* in UTF-8; without it the name is file; 例 e.g. `attachment;filename*=UTF-8''%E6%A1%86%E6%9E%B6%E5%8D%8F%E8%AE%AE.pdf`"
//	@Param			Idempotency-Key		header		string	false	"幂等键，1–255 个可见 ASCII 字符；用同一键重试同一文件时重放首次的回答 / Idempotency key, 1–255 visible ASCII characters; a retry of the same file with the same key replays the first answer; 例 e.g. `upload-2024-05-01-0001`"
//	@Param			title_zh			query		string	false	"中文标题，1–200 个字符 / Title in Chinese, 1–200 characters; 例 e.g. `协议签署文本`"
//	@Param			title_en			query		string	false	"英文标题，1–200 个字符 / Title in English, 1–200 characters; 例 e.g. `Signed text`"
//	@Param			kind				query		string	false	"文件类别 / Kind of file"	Enums(full_text, minutes, photo, report, other)
//	@Param			body				body		string	true	"文件内容本身，以 Content-Type 所述媒体类型流式发送 / The file's bytes themselves, streamed, of the media type Content-Type names"
//	@Success		201					{object}	registry.File
//	@Header			201					{string}	Location	"URL of the file's metadata"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		403					{object}	ProblemForbidden
//	@Failure		404					{object}	ProblemNotFound				"No such joint action"
//	@Failure		409					{object}	ProblemConflict				"The joint action is archived, or the same Idempotency-Key is still in flight"
//	@Failure		413					{object}	ProblemTooLarge				"The file is over the file limit; nothing stored"
//	@Failure		415					{object}	ProblemUnsupportedMedia		"A file type not accepted (unsupported-file-type)"
//	@Failure		422					{object}	ProblemValidation			"A bad title or kind, or bytes that are not of the declared type (media_type_mismatch)"
//	@Failure		429					{object}	ProblemRateLimited			"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable			"Blob store or database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem						"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions/{id}/files [post]
func docUploadJointActionFile() {}

// docListAgreementFiles documents listFiles on agreements.
//
//	@Summary		Files of an agreement / 协议文件
//	@Description	Oldest first (by upload time, ties by id); archived files only with include_archived=true.
//	@ID				listAgreementFiles
//	@Tags			files
//	@Produce		json
//	@Param			id					path		string	true	"协议 UUID / Agreement UUID"	format(uuid)	extensions(x-example=0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f)
//	@Param			include_archived	query		bool	false	"是否包括已归档的文件 / Include archived files"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDI0LTA1LTAxVDA4OjAwOjAwWiIsIjAxOTNhNWMyLWIzYzQtN2Q1ZS04ZjYwLTdhOGI5YzBkMWUyZiJd`"
//	@Success		200					{object}	FileList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound		"No such agreement"
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/files [get]
func docListAgreementFiles() {}

// docListConsultationFiles documents listFiles on consultations.
//
//	@Summary		Files of a consultation / 协商文件
//	@Description	Oldest first (by upload time, ties by id); archived files only with include_archived=true.
//	@ID				listConsultationFiles
//	@Tags			files
//	@Produce		json
//	@Param			id					path		string	true	"联合协商 UUID / Consultation UUID"	format(uuid)	extensions(x-example=01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01)
//	@Param			include_archived	query		bool	false	"是否包括已归档的文件 / Include archived files"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDI0LTA1LTAxVDA4OjAwOjAwWiIsIjAxOTNhNWMyLWIzYzQtN2Q1ZS04ZjYwLTdhOGI5YzBkMWUyZiJd`"
//	@Success		200					{object}	FileList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound		"No such consultation"
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/consultations/{id}/files [get]
func docListConsultationFiles() {}

// docListJointActionFiles documents listFiles on joint actions.
//
//	@Summary		Files of a joint action / 履职活动文件
//	@Description	Oldest first (by upload time, ties by id); archived files only with include_archived=true.
//	@ID				listJointActionFiles
//	@Tags			files
//	@Produce		json
//	@Param			id					path		string	true	"联合履职 UUID / Joint action UUID"	format(uuid)	extensions(x-example=0193a5c2-9b2c-7d30-8e41-3f5a6b7c8d90)
//	@Param			include_archived	query		bool	false	"是否包括已归档的文件 / Include archived files"
//	@Param			limit				query		int		false	"每页条数，1–200，默认 50 / Page size, 1–200, 50 by default"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor				query		string	false	"游标：上一页 next_cursor 的原值 / Opaque cursor: next_cursor of the previous page, unchanged; 例 e.g. `WyIyMDI0LTA1LTAxVDA4OjAwOjAwWiIsIjAxOTNhNWMyLWIzYzQtN2Q1ZS04ZjYwLTdhOGI5YzBkMWUyZiJd`"
//	@Success		200					{object}	FileList
//	@Header			200					{string}	Link	"<…>; rel=\"next\" when there is another page"
//	@Failure		400					{object}	ProblemBadRequest
//	@Failure		401					{object}	ProblemUnauthorized
//	@Failure		404					{object}	ProblemNotFound		"No such joint action"
//	@Failure		429					{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503					{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default				{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/joint-actions/{id}/files [get]
func docListJointActionFiles() {}

// docGetFile documents getFile.
//
//	@Summary	Get a file's metadata / 查询文件信息
//	@Description	Archived files too, with archived_at set.
//	@ID			getFile
//	@Tags		files
//	@Produce	json
//	@Param		id	path		string	true	"文件 UUID / File UUID"	format(uuid)	extensions(x-example=0193a5c2-b3c4-7d5e-8f60-7a8b9c0d1e2f)
//	@Success	200	{object}	registry.File
//	@Header		200	{string}	ETag	"The sha256 of the bytes, in quotes"
//	@Failure	401	{object}	ProblemUnauthorized
//	@Failure	404	{object}	ProblemNotFound
//	@Failure	429	{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure	503	{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure	default	{object}	Problem			"Any other error (405, 500, …), as problem details"
//	@Security	BearerAuth
//	@Router		/v1/files/{id} [get]
func docGetFile() {}

// docFileContent documents fileContent.
//
//	@Summary		Download a file / 下载文件
//	@Description	The bytes, streamed with the file's own media type (`Content-Type` as stored at upload), with `ETag` (the sha256), `Accept-Ranges: bytes` and range requests (206; a range that cannot be satisfied answers 416 with `Content-Range: bytes */size`), `If-None-Match` (304), `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition: attachment` with the name as `filename*` (RFC 6266/5987) — `inline` only for an image or PDF asked for with inline=true. Archived files can still be downloaded.
//	@ID				fileContent
//	@Tags			files
//	@Produce		application/pdf
//	@Produce		image/jpeg
//	@Produce		image/png
//	@Produce		application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Produce		application/ofd
//	@Produce		application/problem+json
//	@Param			id				path		string	true	"文件 UUID / File UUID"	format(uuid)	extensions(x-example=0193a5c2-b3c4-7d5e-8f60-7a8b9c0d1e2f)
//	@Param			inline			query		bool	false	"图片或 PDF 以 inline 方式显示，其他类型总是作为附件 / Show an image or PDF inline; other types are always attachments"
//	@Param			Range			header		string	false	"字节范围，RFC 9110 格式；回答 206 / Byte range, as RFC 9110 has it; answered with 206; 例 e.g. `bytes=0-1023`"
//	@Param			If-None-Match	header		string	false	"客户端持有的 ETag（文件内容的 sha256，含双引号）；仍为当前值时回答 304 / ETag the client holds (the sha256 of the bytes, quotes included); 304 while it is current; 例 e.g. `&quot;9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08&quot;`"
//	@Success		200				{file}		file
//	@Header			200				{string}	ETag	"The sha256 of the bytes, in quotes"
//	@Success		206				{file}		file
//	@Header			206				{string}	Content-Range	"bytes first-last/size"
//	@Success		304				"Not modified: the file still has the ETag sent in If-None-Match; no body"
//	@Failure		400				{object}	ProblemBadRequest
//	@Failure		401				{object}	ProblemUnauthorized
//	@Failure		404				{object}	ProblemNotFound
//	@Failure		429				{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503				{object}	ProblemUnavailable	"Blob store or database unavailable; see Retry-After"
//	@Failure		default			{object}	Problem				"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/files/{id}/content [get]
func docFileContent() {}

// docArchiveFile documents archiveFile.
//
//	@Summary		Archive a file / 归档文件
//	@Description	Files never change, so no If-Match; the bytes are kept and the file stays readable and downloadable with archived_at set. Who may write the record may archive its files. Archiving an archived file is 409.
//	@ID				archiveFile
//	@Tags			files
//	@Produce		json
//	@Param			id	path		string	true	"文件 UUID / File UUID"	format(uuid)	extensions(x-example=0193a5c2-b3c4-7d5e-8f60-7a8b9c0d1e2f)
//	@Success		200	{object}	registry.File
//	@Failure		401	{object}	ProblemUnauthorized
//	@Failure		403	{object}	ProblemForbidden
//	@Failure		404	{object}	ProblemNotFound
//	@Failure		409	{object}	ProblemConflict		"Already archived, or the record it belongs to is archived"
//	@Failure		429	{object}	ProblemRateLimited	"Rate limited; see Retry-After"
//	@Failure		503	{object}	ProblemUnavailable	"Database unavailable; see Retry-After"
//	@Failure		default	{object}	Problem			"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/files/{id} [delete]
func docArchiveFile() {}
