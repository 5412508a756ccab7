// Package registry holds the domain of the Chengdu–Chongqing collaboration
// agreement registry: regions, cooperation areas, organisations, agreements,
// joint consultations and joint duty actions, their enumerations and the pure
// rules that govern them (partial dates, status lifecycle, party rules).
//
// It imports nothing else of the project; the storage and HTTP layers depend
// on it, never the other way round.
package registry
