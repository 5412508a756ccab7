package httpapi

import (
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// fieldMessages holds the English and Chinese message of each field error
// code; "{p}" stands for the error's parameter.
var fieldMessages = map[string][2]string{
	"required":             {"is required", "为必填项"},
	"blank":                {"must not be blank", "不能为空白"},
	"too_long":             {"must be at most {p} characters long", "长度不能超过 {p} 个字符"},
	"too_short":            {"must be at least {p} characters long", "长度不能少于 {p} 个字符"},
	"too_many":             {"must have at most {p} items", "最多只能有 {p} 项"},
	"too_few":              {"must have at least {p} items", "至少需要 {p} 项"},
	"too_small":            {"must be at least {p}", "不能小于 {p}"},
	"too_large":            {"must be at most {p}", "不能大于 {p}"},
	"invalid_value":        {"must be one of: {p}", "必须是以下值之一：{p}"},
	"invalid_date":         {"must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD", "必须是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的有效日期"},
	"invalid_code":         {"must be 2–64 characters of a–z, 0–9 and -", "必须由 2–64 个小写字母、数字或连字符组成"},
	"invalid_reference":    {"must be a UUID or an organization code", "必须是 UUID 或组织代码"},
	"invalid_region":       {"must be a six-digit region code", "必须是六位行政区划代码"},
	"invalid_url":          {"must be an http or https URL", "必须是 http 或 https 网址"},
	"invalid_language":     {"must be a BCP 47 language tag such as zh or en", "必须是 BCP 47 语言标签，如 zh 或 en"},
	"invalid_characters":   {"must not contain NUL characters", "不能包含 NUL 字符"},
	"invalid":              {"is invalid", "无效"},
	"unknown_organization": {"organization does not exist", "组织不存在"},
	"unknown_region":       {"region does not exist", "行政区划不存在"},
	"unknown_area":         {"cooperation area does not exist", "合作领域不存在"},
	"unknown_agreement":    {"agreement does not exist", "协议不存在"},
	"unknown_reference":    {"refers to a record that does not exist", "引用的记录不存在"},
	"duplicate_party":      {"organization appears more than once", "同一组织不能重复出现"},
	"min_signatories":      {"at least {p} distinct signatory organizations are required", "至少需要 {p} 个不同的签署方组织"},
	"min_participants":     {"at least {p} distinct organizations must take part", "至少需要 {p} 个不同的参与组织"},
	"one_host":             {"exactly one participant must have the role host", "必须有且仅有一个主办方（host）"},
	"lead_required":        {"at least one participant must have the role lead", "至少需要一个牵头方（lead）"},
	"date_order":           {"must not be earlier than {p}", "不能早于 {p}"},
	"future_date":          {"must not be in the future (China Standard Time)", "不能晚于今天（北京时间）"},
	"duplicate":            {"already exists", "已存在"},
	"self_reference":       {"must not refer to the record itself", "不能引用记录自身"},
}

// fieldMessage renders a field error in Chinese or English.
func fieldMessage(zh bool, f registry.FieldError) string {
	m, ok := fieldMessages[f.Code]
	if !ok {
		m = fieldMessages["invalid"]
	}
	text := m[0]
	if zh {
		text = m[1]
	}
	param := f.Param
	if zh {
		param = strings.ReplaceAll(param, " ", "、")
	} else {
		param = strings.ReplaceAll(param, " ", ", ")
	}
	return strings.ReplaceAll(text, "{p}", param)
}
