package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// milestones holds the follow-up the framework agreement commits to, as
// the source states it: setting up a consultation mechanism and a regional
// consultation platform. The source gives no date by which, no
// responsible party and no account of either being done, so each is open,
// undated and without a responsible organisation.
func milestones() []registry.MilestoneInput {
	return []registry.MilestoneInput{
		{ID: ID("milestone/changshou-pengzhou-2023/consultation-mechanism"), AgreementID: AgreementChangshouPengzhou,
			TitleZh: "建立协商机制", TitleEn: ptr("Set up a consultation mechanism")},
		{ID: ID("milestone/changshou-pengzhou-2023/regional-platform"), AgreementID: AgreementChangshouPengzhou,
			TitleZh: "搭建区域协商平台", TitleEn: ptr("Set up a regional consultation platform")},
	}
}

// loadMilestones writes the milestones that are not there yet.
func loadMilestones(ctx context.Context, svc *registry.Service) error {
	for _, m := range milestones() {
		if _, err := svc.GetMilestone(ctx, m.ID); err == nil {
			continue
		} else if !errors.Is(err, registry.ErrNotFound) {
			return err
		}
		if _, err := svc.CreateMilestone(ctx, actor, m); err != nil {
			return fmt.Errorf("milestone %s: %w", m.TitleZh, err)
		}
	}
	return nil
}
