/**
 * The settings file `nous flags init` writes: every section and property, commented out where a
 * default applies, so that every indicator is enabled and each option is discoverable.
 */
export const DEFAULT_SETTINGS_INI = `; currency = GBP
; no_price_comparison_procurement_methods = Random Selection
; price_comparison_procurement_methods = Reverse Auction

; \`nous flags prepare\` command

[defaults]
; currency = GBP
; item_classification_scheme = CPV
; bid_status = valid
; award_status = active
; party_roles = true

[redactions]
; amount = 0
; organization_id = placeholder

[corrections]
; award_status_by_contract_status = true

[modifications]
; move_auctions = true
; prefix_buyer_or_procuring_entity_id = GB-COH-
; prefix_tenderer_or_supplier_id = GB-COH-
; split_procurement_method_details = -

[codelists.bid_status]
; qualified = valid

[codelists.award_status]
; Active = active

; \`nous flags indicators\` command

[exclusions]
; procurement_method_details = Random Selection

[R003]
; threshold = 15
; procurement_methods = open|selective|limited

[R003.procurement_method_details]
; emergency = 10
; international = 25

[R018]
; procurement_methods = open|selective

[R024]
; threshold = 0.05

[R025]
; percentile = 75
; threshold = 0.05

[R028]

[R030]

[R035]
; threshold = 1

[R036]

[R038]
; threshold = 0.5
; minimum_submitted_bids = 2
; minimum_contracting_processes = 2

[R044]

[R048]
; digits = 2
; threshold = 10
; minimum_contracting_processes = 20

[R055]
; threshold = 138760
; start_date = 2025-01-01
; end_date = 2025-12-31

[R058]
; threshold = 0.5
`;
