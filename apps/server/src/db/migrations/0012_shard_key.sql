-- The shard key (issue 18, docs/SCALING.md): every table a district owns carries `district_id`, the
-- district-level org that owns the row (the first org below the federations on its path: the
-- district, or a street/park directly under a city federation). At national scale the tables are
-- distributed by it (Citus), so a district's rows live together and its work stays on one shard.
--
-- Expand only, for rolling upgrades: the column is filled by a BEFORE INSERT trigger from the
-- row's org or its parent row, so the previous release (which does not know the column) keeps
-- writing. Foreign keys between district-owned tables get a co-located twin that includes
-- district_id (what Citus requires); the single-column ones stay until a later release drops them.
--
-- Tables added later use the same two helpers in their own migration:
--   select niangjia_add_district_key('my_table', 'position_id', 'position');   -- or ('my_table', 'org_id', 'org')
--   select niangjia_colocate_fk('my_table', 'position_id', 'position');
-- apps/server/src/db/shard-key.int.test.ts fails for a district-owned table without them.

CREATE OR REPLACE FUNCTION niangjia_district_of(p_org uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT a.id
       FROM org o,
            unnest(string_to_array(trim(both '/' from o.path), '/')::uuid[]) WITH ORDINALITY AS p(id, n)
            JOIN org a ON a.id = p.id
      WHERE o.id = p_org AND a.type <> 'federation'
      ORDER BY p.n
      LIMIT 1),
    p_org)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION niangjia_add_district_key(p_table text, p_column text, p_parent text, p_parent_column text DEFAULT 'id') RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  fn text := p_table || '_fill_district_id';
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS district_id uuid', p_table);
  -- Append-only tables refuse UPDATE by trigger: the backfill is the one exception.
  EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', p_table);
  IF p_parent = 'org' THEN
    EXECUTE format('UPDATE %I SET district_id = niangjia_district_of(%I) WHERE district_id IS NULL', p_table, p_column);
    EXECUTE format($b$CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $t$
      BEGIN
        IF NEW.district_id IS NULL THEN NEW.district_id := niangjia_district_of(NEW.%I); END IF;
        RETURN NEW;
      END $t$$b$, fn, p_column);
  ELSE
    EXECUTE format('UPDATE %I c SET district_id = p.district_id FROM %I p WHERE p.%I = c.%I AND c.district_id IS NULL', p_table, p_parent, p_parent_column, p_column);
    EXECUTE format($b$CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $t$
      BEGIN
        IF NEW.district_id IS NULL THEN SELECT district_id INTO NEW.district_id FROM %I WHERE %I = NEW.%I; END IF;
        RETURN NEW;
      END $t$$b$, fn, p_parent, p_parent_column, p_column);
  END IF;
  EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', p_table);
  EXECUTE format('ALTER TABLE %I ALTER COLUMN district_id SET NOT NULL', p_table);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', fn, p_table);
  EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION %I()', fn, p_table, fn);
END $f$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION niangjia_colocate_fk(p_table text, p_column text, p_parent text, p_parent_column text DEFAULT 'id', p_on_delete text DEFAULT '') RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %I (district_id, %I)', p_parent || '_district_' || p_parent_column || '_unique', p_parent, p_parent_column);
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (district_id, %I) REFERENCES %I (district_id, %I) %s',
    p_table, p_table || '_' || p_column || '_colocated_fk', p_column, p_parent, p_parent_column, p_on_delete);
END $f$;
--> statement-breakpoint
SELECT niangjia_add_district_key('person', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('membership', 'person_id', 'person', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('membership_event', 'membership_id', 'membership', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('member_import', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('member_number_counter', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('position', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('street_network', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('coverage_weight_layer', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('coverage_run', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('position_inspection', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('position_rating', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('position_issue', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_controller', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_policy', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_ban', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_entry', 'position_id', 'position', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_alarm', 'controller_id', 'door_controller', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_code_use', 'controller_id', 'door_controller', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_command', 'controller_id', 'door_controller', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('door_device_nonce', 'device_id', 'door_controller', 'device_id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund', 'org_id', 'org', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_total', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_shop', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('contribution_rule', 'shop_id', 'fund_shop', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('pos_terminal', 'shop_id', 'fund_shop', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('pos_nonce', 'terminal_id', 'pos_terminal', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_account', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_entry', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_posting', 'entry_id', 'fund_entry', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_sale', 'terminal_id', 'pos_terminal', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('fund_refund', 'terminal_id', 'pos_terminal', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('breakfast_card', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('breakfast_card_import', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('breakfast_redemption', 'terminal_id', 'pos_terminal', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('custodian_transfer', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('custodian_statement', 'fund_id', 'fund', 'id');
--> statement-breakpoint
SELECT niangjia_add_district_key('custodian_statement_line', 'statement_id', 'custodian_statement', 'id');
--> statement-breakpoint
SELECT niangjia_colocate_fk('membership', 'person_id', 'person');
--> statement-breakpoint
SELECT niangjia_colocate_fk('membership_event', 'membership_id', 'membership');
--> statement-breakpoint
SELECT niangjia_colocate_fk('position_inspection', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('position_issue', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('position_rating', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('coverage_run', 'network_id', 'street_network', 'id', 'ON DELETE SET NULL (network_id)');
--> statement-breakpoint
SELECT niangjia_colocate_fk('coverage_run', 'weight_layer_id', 'coverage_weight_layer', 'id', 'ON DELETE SET NULL (weight_layer_id)');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_controller', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_policy', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_ban', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_entry', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_entry', 'controller_id', 'door_controller');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_alarm', 'controller_id', 'door_controller');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_alarm', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_code_use', 'controller_id', 'door_controller');
--> statement-breakpoint
SELECT niangjia_colocate_fk('door_command', 'controller_id', 'door_controller');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_total', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_shop', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_shop', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('contribution_rule', 'shop_id', 'fund_shop');
--> statement-breakpoint
SELECT niangjia_colocate_fk('pos_terminal', 'shop_id', 'fund_shop');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_account', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_account', 'shop_id', 'fund_shop');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_account', 'position_id', 'position');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_entry', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_posting', 'entry_id', 'fund_entry');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_posting', 'account_id', 'fund_account');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_sale', 'shop_id', 'fund_shop');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_sale', 'terminal_id', 'pos_terminal');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_refund', 'terminal_id', 'pos_terminal');
--> statement-breakpoint
SELECT niangjia_colocate_fk('fund_refund', 'sale_row_id', 'fund_sale');
--> statement-breakpoint
SELECT niangjia_colocate_fk('breakfast_card', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('breakfast_card_import', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('breakfast_redemption', 'terminal_id', 'pos_terminal');
--> statement-breakpoint
SELECT niangjia_colocate_fk('breakfast_redemption', 'shop_id', 'fund_shop');
--> statement-breakpoint
SELECT niangjia_colocate_fk('breakfast_redemption', 'card_id', 'breakfast_card');
--> statement-breakpoint
SELECT niangjia_colocate_fk('custodian_transfer', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('custodian_statement', 'fund_id', 'fund');
--> statement-breakpoint
SELECT niangjia_colocate_fk('custodian_statement_line', 'statement_id', 'custodian_statement');
