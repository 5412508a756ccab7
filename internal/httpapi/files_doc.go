package httpapi

// The Swagger annotations of the file routes, one stub a route.

// docUploadAgreementFile documents uploadFile on agreements; the
// consultation and joint-action routes take the same request.
//
//	@Summary		Add a file to an agreement / 上传协议文件
//	@Description	The body is the file itself, streamed (never held whole in memory); `Content-Type` its media type: PDF, JPEG, PNG, DOCX, XLSX or OFD (others 415). The bytes must be what the type says (422 media_type_mismatch). At most REGISTRY_MAX_FILE_BYTES (25 MiB by default; 413 above, nothing stored). The name comes from `Content-Disposition: attachment; filename*=UTF-8''…`; path separators and control characters are removed and it is cut to 255 characters. Who may write the record may add files. A failed or cut upload leaves no row and no bytes.
//	@ID				uploadAgreementFile
//	@Tags			files
//	@Accept			application/pdf
//	@Produce		json
//	@Param			id			path		string	true	"Agreement UUID"	format(uuid)
//	@Param			title_zh	query		string	false	"Chinese title"
//	@Param			title_en	query		string	false	"English title"
//	@Param			kind		query		string	false	"Kind"	Enums(full_text, minutes, photo, report, other)
//	@Success		201			{object}	registry.File
//	@Header			201			{string}	Location	"URL of the file's metadata"
//	@Failure		400			{object}	Problem
//	@Failure		401			{object}	Problem
//	@Failure		403			{object}	Problem
//	@Failure		404			{object}	Problem
//	@Failure		409			{object}	Problem	"The record is archived"
//	@Failure		413			{object}	Problem
//	@Failure		415			{object}	Problem
//	@Failure		422			{object}	Problem
//	@Failure		503			{object}	Problem	"Blob store or database unavailable"
//	@Failure		default		{object}	Problem	"Any other error, as problem details"
//	@Security		BearerAuth
//	@Router			/v1/agreements/{id}/files [post]
func docUploadAgreementFile() {}

// docUploadConsultationFile documents uploadFile on consultations.
//
//	@Summary	Add a file to a consultation / 上传协商文件
//	@ID			uploadConsultationFile
//	@Tags		files
//	@Accept		application/pdf
//	@Produce	json
//	@Param		id	path		string	true	"Consultation UUID"	format(uuid)
//	@Success	201	{object}	registry.File
//	@Failure	default	{object}	Problem	"As for agreements"
//	@Security	BearerAuth
//	@Router		/v1/consultations/{id}/files [post]
func docUploadConsultationFile() {}

// docUploadJointActionFile documents uploadFile on joint actions.
//
//	@Summary	Add a file to a joint action / 上传履职活动文件
//	@ID			uploadJointActionFile
//	@Tags		files
//	@Accept		application/pdf
//	@Produce	json
//	@Param		id	path		string	true	"Joint action UUID"	format(uuid)
//	@Success	201	{object}	registry.File
//	@Failure	default	{object}	Problem	"As for agreements"
//	@Security	BearerAuth
//	@Router		/v1/joint-actions/{id}/files [post]
func docUploadJointActionFile() {}

// docListAgreementFiles documents listFiles on agreements.
//
//	@Summary	Files of an agreement / 协议文件
//	@ID			listAgreementFiles
//	@Tags		files
//	@Produce	json
//	@Param		id					path		string	true	"Agreement UUID"	format(uuid)
//	@Param		include_archived	query		bool	false	"Include archived files"
//	@Param		limit				query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param		cursor				query		string	false	"Opaque cursor from next_cursor"
//	@Success	200					{object}	FileList
//	@Failure	default				{object}	Problem	"400, 401, 404, 429, 503 as problem details"
//	@Security	BearerAuth
//	@Router		/v1/agreements/{id}/files [get]
func docListAgreementFiles() {}

// docListConsultationFiles documents listFiles on consultations.
//
//	@Summary	Files of a consultation / 协商文件
//	@ID			listConsultationFiles
//	@Tags		files
//	@Produce	json
//	@Param		id	path		string	true	"Consultation UUID"	format(uuid)
//	@Success	200	{object}	FileList
//	@Failure	default	{object}	Problem	"400, 401, 404, 429, 503 as problem details"
//	@Security	BearerAuth
//	@Router		/v1/consultations/{id}/files [get]
func docListConsultationFiles() {}

// docListJointActionFiles documents listFiles on joint actions.
//
//	@Summary	Files of a joint action / 履职活动文件
//	@ID			listJointActionFiles
//	@Tags		files
//	@Produce	json
//	@Param		id	path		string	true	"Joint action UUID"	format(uuid)
//	@Success	200	{object}	FileList
//	@Failure	default	{object}	Problem	"400, 401, 404, 429, 503 as problem details"
//	@Security	BearerAuth
//	@Router		/v1/joint-actions/{id}/files [get]
func docListJointActionFiles() {}

// docGetFile documents getFile.
//
//	@Summary	Get a file's metadata / 查询文件信息
//	@ID			getFile
//	@Tags		files
//	@Produce	json
//	@Param		id	path		string	true	"File UUID"	format(uuid)
//	@Success	200	{object}	registry.File
//	@Header		200	{string}	ETag	"The sha256 of the bytes"
//	@Failure	default	{object}	Problem	"401, 404, 429, 503 as problem details"
//	@Security	BearerAuth
//	@Router		/v1/files/{id} [get]
func docGetFile() {}

// docFileContent documents fileContent.
//
//	@Summary		Download a file / 下载文件
//	@Description	The bytes, streamed, with `ETag` (the sha256), `Accept-Ranges: bytes` and range requests (206), `If-None-Match` (304), `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition: attachment` with the name as `filename*` (RFC 6266/5987) — `inline` only for an image or PDF asked for with inline=true.
//	@ID				fileContent
//	@Tags			files
//	@Produce		application/octet-stream
//	@Param			id		path		string	true	"File UUID"	format(uuid)
//	@Param			inline	query		bool	false	"Show an image or PDF inline"
//	@Param			Range	header		string	false	"bytes=first-last"
//	@Success		200		{file}		file
//	@Success		206		{file}		file
//	@Success		304		"Not modified"
//	@Failure		default	{object}	Problem	"401, 404, 416, 429, 503 as problem details"
//	@Security		BearerAuth
//	@Router			/v1/files/{id}/content [get]
func docFileContent() {}

// docArchiveFile documents archiveFile.
//
//	@Summary		Archive a file / 归档文件
//	@Description	Files never change, so no If-Match; the bytes are kept. Archiving an archived file is 409.
//	@ID				archiveFile
//	@Tags			files
//	@Produce		json
//	@Param			id	path		string	true	"File UUID"	format(uuid)
//	@Success		200	{object}	registry.File
//	@Failure		default	{object}	Problem	"401, 403, 404, 409, 429, 503 as problem details"
//	@Security		BearerAuth
//	@Router			/v1/files/{id} [delete]
func docArchiveFile() {}
