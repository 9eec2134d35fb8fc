package io.kinlink.member.repository;

import java.util.UUID;

import io.kinlink.member.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public boolean existsByPhoneHash(String phoneHash) {
        return count("phoneHash", phoneHash) > 0;
    }
}
