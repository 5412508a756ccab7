package registry

import (
	"errors"
	"testing"
)

func codesOf(err error) map[string]string {
	out := map[string]string{}
	var v *ValidationError
	if errors.As(err, &v) {
		for _, f := range v.Fields {
			out[f.Field] = f.Code + ":" + f.Param
		}
	}
	return out
}

func date(s string) *Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func TestCheckConsultation(t *testing.T) {
	ps := func(roles ...string) []Participant {
		var out []Participant
		for i, r := range roles {
			out = append(out, Participant{OrganizationID: string(rune('a' + i)), Role: r})
		}
		return out
	}
	for _, c := range []struct {
		name string
		ps   []Participant
		want map[string]string
	}{
		{"host and participant", ps("host", "participant"), map[string]string{}},
		{"host and co-hosts", ps("co_host", "host", "co_host"), map[string]string{}},
		{"alone", ps("host"), map[string]string{"participants": "min_participants:2"}},
		{"two hosts", ps("host", "host"), map[string]string{"participants": "one_host:"}},
		{"no host", ps("participant", "co_host"), map[string]string{"participants": "one_host:"}},
		{"twice", []Participant{{OrganizationID: "a", Role: "host"}, {OrganizationID: "a", Role: "participant"}},
			map[string]string{"participants[1].organization_id": "duplicate_party:", "participants": "min_participants:2"}},
	} {
		got := codesOf(CheckConsultation(&Consultation{Participants: c.ps}))
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		for f, code := range c.want {
			if got[f] != code {
				t.Errorf("%s: %s = %q, want %q", c.name, f, got[f], code)
			}
		}
	}
}

func TestCheckJointAction(t *testing.T) {
	two := []Participant{{OrganizationID: "a", Role: "lead"}, {OrganizationID: "b", Role: "partner"}}
	for _, c := range []struct {
		from, to string
		bad      bool
	}{
		{"2023-03-10", "2023-03-09", true}, {"2023-03", "2023-02-28", true}, {"2023", "2022-12-31", true},
		{"2023", "2023-01", false}, {"2023-03-31", "2023-03", false}, {"2023-12", "2023", false}, {"2022-11", "2023-02", false},
	} {
		err := CheckJointAction(&JointAction{Participants: two, StartedOn: date(c.from), EndedOn: date(c.to)})
		if got := codesOf(err)["ended_on"]; (got == "date_order:started_on") != c.bad {
			t.Errorf("%s … %s: ended_on = %q, want out of order %t", c.from, c.to, got, c.bad)
		}
	}
	if err := CheckJointAction(&JointAction{Participants: two, EndedOn: date("2020")}); err != nil {
		t.Errorf("an end without a start: %v", err)
	}
	noLead := []Participant{{OrganizationID: "a", Role: "partner"}, {OrganizationID: "b", Role: "supporter"}}
	if got := codesOf(CheckJointAction(&JointAction{Participants: noLead})); got["participants"] != "lead_required:" {
		t.Errorf("no lead: %v", got)
	}
	solo := []Participant{{OrganizationID: "a", Role: "lead"}}
	if got := codesOf(CheckJointAction(&JointAction{Participants: solo})); got["participants"] != "min_participants:2" {
		t.Errorf("alone: %v", got)
	}
	if err := CheckJointActionFromSource(&JointAction{Participants: solo}); err != nil {
		t.Errorf("from a source, alone: %v", err)
	}
	if got := codesOf(CheckJointActionFromSource(&JointAction{Participants: []Participant{{OrganizationID: "a", Role: "partner"}}})); got["participants"] != "lead_required:" {
		t.Errorf("from a source, no lead: %v", got)
	}
	j := JointAction{Participants: two}
	if !j.HasParticipant("b") || j.HasParticipant("c") {
		t.Error("HasParticipant")
	}
}
