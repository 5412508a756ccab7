// Package demo loads the demo data of the registry: what the source
// document (a review of the Changshou District CPPCC's work in 2023) states,
// and nothing it does not. Records get fixed ids, so loading twice changes
// nothing.
package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/chengyu-collab/registry/internal/registry"
)

// namespace derives the fixed ids of demo records (UUID version 5).
var namespace = uuid.MustParse("6f1c7a52-3b0e-4c55-9a7e-2f0d5c3e8b61")

// ID returns the fixed id of the demo record with the given name.
func ID(name string) string { return uuid.NewSHA1(namespace, []byte(name)).String() }

// actor is who the audit log names for demo writes: the command line.
var actor = registry.Actor{Role: registry.RoleAdmin, RequestID: "seed-demo"}

func ptr(s string) *string { return &s }

// Load writes the demo data through the Service, whose rules it meets
// like any other writer, skipping records that already exist.
func Load(ctx context.Context, svc *registry.Service) error {
	for _, o := range organizations() {
		if _, err := svc.GetOrganization(ctx, o.Code); err == nil {
			continue
		} else if !errors.Is(err, registry.ErrNotFound) {
			return err
		}
		o.ID = ID("organization/" + o.Code)
		if _, err := svc.CreateOrganization(ctx, actor, o); err != nil {
			return fmt.Errorf("organization %s: %w", o.Code, err)
		}
	}
	for _, a := range agreements() {
		if _, err := svc.GetAgreement(ctx, a.ID); err == nil {
			continue
		} else if !errors.Is(err, registry.ErrNotFound) {
			return err
		}
		if _, err := svc.CreateAgreement(ctx, actor, a); err != nil {
			return fmt.Errorf("agreement %s: %w", a.TitleZh, err)
		}
	}
	if err := loadActivities(ctx, svc); err != nil {
		return err
	}
	return loadMilestones(ctx, svc)
}
