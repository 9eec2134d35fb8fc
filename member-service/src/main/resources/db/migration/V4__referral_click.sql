-- The landing-page click a member registered from, handed on to the referral service, which
-- attributes by it within the attribution window when no code was typed.
alter table member add column referral_click_id uuid;
