package jp.keieikaizen.agency;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyUserRepository extends JpaRepository<AgencyUser, String> {
}
